// Migration 50: an indicator's baseline, entered by a planner (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE Indicator ADD IF NOT EXISTS baseline STRING
