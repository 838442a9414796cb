// Migration 10: Action nodes gain statusBasis (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Action ADD IF NOT EXISTS statusBasis STRING
