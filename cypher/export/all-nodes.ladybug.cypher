// Every domain node, in a stable order, for export.
MATCH (n)
WHERE label(n) IN $kinds
RETURN n
ORDER BY label(n), n.id
