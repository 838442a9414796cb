// The nodes with the given ids.
MATCH (n)
WHERE n.id IN $ids
RETURN n
