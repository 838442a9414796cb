// Migration 4: the OpenID provider and provider session a session was begun through, for back-channel logout (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Session ADD IF NOT EXISTS oidcProviderId STRING
