// Actions that no organisation leads, or whose lead as printed is too vague to name a body.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND (a.leadVague = true OR NOT EXISTS { MATCH (:Organisation)-[:LEADS]->(a) })
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
