// Actions linked to no national outcome, strategic aim or framework outcome, directly or through
// a local outcome or priority (the "-" rows of a plan's link columns).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND NOT EXISTS { MATCH (a)-[:SERVES]->(:NationalOutcome|StrategicAim|FrameworkOutcome) }
  AND NOT EXISTS { MATCH (a)-[:SERVES]->()-[:SERVES]->(:NationalOutcome|StrategicAim|FrameworkOutcome) }
  AND NOT EXISTS { MATCH (a)-[:SERVES]->()-[:SERVES]->()-[:SERVES]->(:NationalOutcome|StrategicAim|FrameworkOutcome) }
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
