// Relationships arriving at the given nodes, with the node at the other end.
MATCH (m)-[r]->(n:GTNode)
WHERE n.id IN $ids
RETURN m.id AS source, n.id AS target, r, m
