// Template: actions that serve a national outcome (directly or through up to two local outcomes or
// priorities) but no strategic aim by any path, e.g. the Lothian & Borders actions serving NO9 and
// no aim. $outcome: the national outcome's id, '' for any; $plan: the plan's id, '' for every plan.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(n:NationalOutcome)
WHERE ($plan = '' OR p.id = $plan) AND ($outcome = '' OR n.id = $outcome)
WITH DISTINCT a
WHERE NOT EXISTS { MATCH (a)-[:SERVES*1..3]->(:StrategicAim) }
RETURN a AS action
ORDER BY action.id
