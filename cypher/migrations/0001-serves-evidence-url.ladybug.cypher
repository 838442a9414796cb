// Migration 1: SERVES links carry a evidenceUrl (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE SERVES ADD IF NOT EXISTS evidenceUrl STRING
