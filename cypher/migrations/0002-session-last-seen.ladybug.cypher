// Migration 2: a session's last request, for the inactivity timeout (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Session ADD IF NOT EXISTS lastSeenAt STRING
