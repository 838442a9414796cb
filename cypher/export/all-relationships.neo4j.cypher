// Every relationship between domain nodes, with its ends, in a stable order, for export.
MATCH (a)-[r]->(b)
WHERE any(l IN labels(a) WHERE l IN $kinds) AND any(l IN labels(b) WHERE l IN $kinds)
RETURN a.id AS from, b.id AS to, type(r) AS type, labels(a)[0] AS fromKind, labels(b)[0] AS toKind, r
ORDER BY type, from, to
