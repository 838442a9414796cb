// Migration 10: every PUBLISHES link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE PUBLISHES ADD IF NOT EXISTS linkBasis STRING
