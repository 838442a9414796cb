// Actions with no timescale, due date or year band: nobody can tell when they are late.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND a.timescale IS NULL AND a.dueDate IS NULL AND a.yearBand IS NULL
RETURN a, p.id AS plan
