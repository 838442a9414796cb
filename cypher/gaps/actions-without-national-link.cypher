// Actions linked to no national outcome, strategic aim or framework outcome, directly or through
// a local outcome or priority (the "-" rows of a plan's link columns). Only links whose basis is in
// $bases count. The plan filter stands in its own WITH: LadybugDB 0.19 drops rows when an OR
// shares a WHERE with a NOT EXISTS whose subquery reads a list parameter.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE $plan = '' OR p.id = $plan
WITH p, a
WHERE NOT EXISTS { MATCH (a)-[r1:SERVES]->(:NationalOutcome|StrategicAim|FrameworkOutcome) WHERE r1.linkBasis IN $bases }
  AND NOT EXISTS { MATCH (a)-[r1:SERVES]->()-[r2:SERVES]->(:NationalOutcome|StrategicAim|FrameworkOutcome) WHERE r1.linkBasis IN $bases AND r2.linkBasis IN $bases }
  AND NOT EXISTS { MATCH (a)-[r1:SERVES]->()-[r2:SERVES]->()-[r3:SERVES]->(:NationalOutcome|StrategicAim|FrameworkOutcome) WHERE r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND r3.linkBasis IN $bases }
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
