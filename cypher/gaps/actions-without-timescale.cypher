// Actions with no timescale, due date or year band: nobody can tell when they are late.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND a.timescale IS NULL AND a.dueDate IS NULL AND a.yearBand IS NULL
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
