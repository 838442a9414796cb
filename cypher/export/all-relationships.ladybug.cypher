// Every relationship between domain nodes, with its ends, in a stable order, for export.
MATCH (a)-[r]->(b)
WHERE label(a) IN $kinds AND label(b) IN $kinds
RETURN a.id AS from, b.id AS to, label(r) AS type, label(a) AS fromKind, label(b) AS toKind, r
ORDER BY type, from, to
