// Migration 12: a key objective has progress (Glasgow's MAPPA objectives) (LadybugDB relationship tables have fixed endpoints; Neo4j needs nothing).
ALTER TABLE HAS_PROGRESS ADD IF NOT EXISTS FROM Priority TO ProgressUpdate
