// Number of nodes of each kind (every node also carries the GTNode label, which is not a kind).
MATCH (n:GTNode)
RETURN [l IN labels(n) WHERE l <> 'GTNode'][0] AS kind, count(*) AS count
