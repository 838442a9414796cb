// Every action beneath each local outcome, priority, strategic aim and national outcome, through one to
// three SERVES links, limited to one plan's actions when $plan is not ''.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:NationalOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN DISTINCT t.id AS target, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:StrategicAim)
WHERE $plan = '' OR p.id = $plan
RETURN DISTINCT t.id AS target, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:LocalOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN DISTINCT t.id AS target, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:Priority)
WHERE $plan = '' OR p.id = $plan
RETURN DISTINCT t.id AS target, a.id AS action
