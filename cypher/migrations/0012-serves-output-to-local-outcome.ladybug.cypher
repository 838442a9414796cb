// Migration 12: an output serves its outcome (LadybugDB relationship tables have fixed endpoints; Neo4j needs nothing).
ALTER TABLE SERVES ADD IF NOT EXISTS FROM Output TO LocalOutcome
