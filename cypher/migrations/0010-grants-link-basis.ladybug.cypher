// Migration 10: every GRANTS link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE GRANTS ADD IF NOT EXISTS linkBasis STRING
