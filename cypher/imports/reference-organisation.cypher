// Every Organisation, for matching imported rows against what the graph already holds.
MATCH (n:Organisation)
RETURN n
ORDER BY n.id
