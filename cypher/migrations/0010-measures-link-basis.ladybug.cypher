// Migration 10: every MEASURES link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE MEASURES ADD IF NOT EXISTS linkBasis STRING
