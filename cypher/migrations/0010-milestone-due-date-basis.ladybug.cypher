// Migration 10: Milestone nodes gain dueDateBasis (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Milestone ADD IF NOT EXISTS dueDateBasis STRING
