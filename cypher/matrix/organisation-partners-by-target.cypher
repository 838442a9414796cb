// Coverage: which organisation is a partner in which action serving which national outcome, aim
// or framework outcome, through one to three SERVES links. One row per (organisation, target, action).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome), (o:Organisation)-[:PARTNERS_IN]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN o.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->()-[:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome), (o:Organisation)-[:PARTNERS_IN]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN o.id AS row, t.id AS col, a.id AS action
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->()-[:SERVES]->()-[:SERVES]->(t:NationalOutcome|StrategicAim|FrameworkOutcome), (o:Organisation)-[:PARTNERS_IN]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN o.id AS row, t.id AS col, a.id AS action
