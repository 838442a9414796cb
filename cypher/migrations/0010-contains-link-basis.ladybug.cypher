// Migration 10: every CONTAINS link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE CONTAINS ADD IF NOT EXISTS linkBasis STRING
