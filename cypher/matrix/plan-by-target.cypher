// Coverage: which plan holds which action serving which national outcome, aim or framework outcome,
// through one to three SERVES links. One row per (plan, target, action).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN p.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->()-[:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN p.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->()-[:SERVES]->()-[:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN p.id AS row, t.id AS col, a.id AS action
