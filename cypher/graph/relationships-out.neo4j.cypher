// Relationships leaving the given nodes, with the node at the other end.
MATCH (n:GTNode)-[r]->(m)
WHERE n.id IN $ids
RETURN n.id AS source, m.id AS target, r, m
