// Migration 12: funding pays for a programme (the 2007 CSOGP grant) (LadybugDB relationship tables have fixed endpoints; Neo4j needs nothing).
ALTER TABLE FUNDS ADD IF NOT EXISTS FROM Funding TO Programme
