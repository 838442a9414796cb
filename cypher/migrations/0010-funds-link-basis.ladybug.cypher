// Migration 10: every FUNDS link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE FUNDS ADD IF NOT EXISTS linkBasis STRING
