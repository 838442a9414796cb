// Every NationalOutcome, for matching imported rows against what the graph already holds.
MATCH (n:NationalOutcome)
RETURN n
ORDER BY n.id
