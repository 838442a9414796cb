// Number of nodes of each kind.
MATCH (n)
RETURN label(n) AS kind, count(*) AS count
