// Migration 10: a milestone can have its own lead (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE LEADS ADD IF NOT EXISTS FROM Organisation TO Milestone
