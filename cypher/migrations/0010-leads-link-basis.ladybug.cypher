// Migration 10: every LEADS link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE LEADS ADD IF NOT EXISTS linkBasis STRING
