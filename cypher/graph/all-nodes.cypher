// Every node.
MATCH (n)
RETURN n
