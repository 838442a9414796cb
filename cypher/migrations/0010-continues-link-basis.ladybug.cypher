// Migration 10: every CONTINUES link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE CONTINUES ADD IF NOT EXISTS linkBasis STRING
