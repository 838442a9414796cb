// Migration 10: Milestone nodes gain status (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Milestone ADD IF NOT EXISTS status STRING
