// Coverage: which organisation is a partner in which action serving which national outcome, aim
// or framework outcome, through one to three SERVES links. One row per (organisation, target, action).
// Only links whose basis is in $bases count.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome), (o:Organisation)-[l:PARTNERS_IN]->(a)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND l.linkBasis IN $bases
RETURN o.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->()-[r2:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome), (o:Organisation)-[l:PARTNERS_IN]->(a)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND l.linkBasis IN $bases
RETURN o.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->()-[r2:SERVES]->()-[r3:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome), (o:Organisation)-[l:PARTNERS_IN]->(a)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND r3.linkBasis IN $bases AND l.linkBasis IN $bases
RETURN o.id AS row, t.id AS col, a.id AS action
