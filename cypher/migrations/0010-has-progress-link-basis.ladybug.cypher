// Migration 10: every HAS_PROGRESS link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE HAS_PROGRESS ADD IF NOT EXISTS linkBasis STRING
