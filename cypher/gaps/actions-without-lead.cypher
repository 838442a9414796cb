// Actions that no organisation leads, or whose lead as printed is too vague to name a body.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND (a.leadVague = true OR NOT EXISTS { MATCH (:Organisation)-[:LEADS]->(a) })
RETURN a, p.id AS plan
