// Actions whose due date is before $asOf (YYYY-MM-DD) and whose latest status is not finished.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND a.dueDate IS NOT NULL AND a.dueDate < $asOf
  AND (a.status IS NULL OR NOT a.status IN ['complete', 'not required'])
RETURN a, p.id AS plan
