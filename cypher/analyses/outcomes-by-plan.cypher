// Template: the national outcomes, strategic aims and framework outcomes a plan's actions serve
// (directly or through up to two local outcomes or priorities), with how many actions serve each.
// $plan: the plan's id, '' for every plan.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN t AS outcome, count(DISTINCT a) AS actions
ORDER BY actions DESC, outcome.id
