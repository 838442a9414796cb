// Every relationship with its two ends.
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, r
