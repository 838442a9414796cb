// Migration 10: every MEMBER_OF link says on what basis it exists (LadybugDB tables have fixed columns; Neo4j needs nothing).
ALTER TABLE MEMBER_OF ADD IF NOT EXISTS linkBasis STRING
