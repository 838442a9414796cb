// Coverage: which plan holds which action serving which national outcome, aim or framework outcome,
// through one to three SERVES links. One row per (plan, target, action).
// Only links whose basis is in $bases count.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases
RETURN p.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->()-[r2:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases
RETURN p.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->()-[r2:SERVES]->()-[r3:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND r3.linkBasis IN $bases
RETURN p.id AS row, t.id AS col, a.id AS action
