// The nodes with the given ids.
MATCH (n:GTNode)
WHERE n.id IN $ids
RETURN n
