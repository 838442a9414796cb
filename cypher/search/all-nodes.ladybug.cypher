// Every node with all its properties, for the in-memory search index (kinds outside the domain model are dropped by the caller).
MATCH (n)
RETURN n
