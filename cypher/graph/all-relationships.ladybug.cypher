// Every relationship with its two ends, as the map draws it.
MATCH (a)-[r]->(b)
RETURN a.id AS source, b.id AS target, label(r) AS type, r.id AS id, r.role AS role, r.linkBasis AS linkBasis
