// Every StrategicAim, for matching imported rows against what the graph already holds.
MATCH (n:StrategicAim)
RETURN n
ORDER BY n.id
