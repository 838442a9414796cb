// Migration 3: an account's authenticator app for multi-factor sign-in (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE User ADD IF NOT EXISTS totpEnabledAt STRING
