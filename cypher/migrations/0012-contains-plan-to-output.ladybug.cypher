// Migration 12: a plan contains its outputs (Lothian & Borders appendix 5) (LadybugDB relationship tables have fixed endpoints; Neo4j needs nothing).
ALTER TABLE CONTAINS ADD IF NOT EXISTS FROM Plan TO Output
