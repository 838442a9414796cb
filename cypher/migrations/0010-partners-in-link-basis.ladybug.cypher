// Migration 10: every PARTNERS_IN link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE PARTNERS_IN ADD IF NOT EXISTS linkBasis STRING
