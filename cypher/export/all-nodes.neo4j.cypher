// Every domain node, in a stable order, for export.
MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $kinds)
RETURN n
ORDER BY labels(n)[0], n.id
