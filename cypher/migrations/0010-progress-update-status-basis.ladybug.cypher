// Migration 10: ProgressUpdate nodes gain statusBasis (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE ProgressUpdate ADD IF NOT EXISTS statusBasis STRING
