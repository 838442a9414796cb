// Every FrameworkOutcome, for matching imported rows against what the graph already holds.
MATCH (n:FrameworkOutcome)
RETURN n
ORDER BY n.id
