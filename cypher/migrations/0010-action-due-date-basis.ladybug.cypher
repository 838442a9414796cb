// Migration 10: Action nodes gain dueDateBasis (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Action ADD IF NOT EXISTS dueDateBasis STRING
