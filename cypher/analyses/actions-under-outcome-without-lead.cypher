// Template: actions that serve an outcome (directly or through up to two local outcomes or
// priorities) and that no organisation leads. $outcome: the outcome's id, '' for any outcome;
// $plan: the plan's id, '' for every plan. Shipped as a saved analysis (server/analyses/templates.ts).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t)
WHERE ($plan = '' OR p.id = $plan) AND ($outcome = '' OR t.id = $outcome)
WITH DISTINCT a
WHERE NOT EXISTS { MATCH (:Organisation)-[:LEADS]->(a) }
RETURN a AS action, a.leadAsPrinted AS leadAsPrinted
ORDER BY action.id
