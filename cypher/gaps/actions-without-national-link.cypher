// Actions linked to no national outcome, strategic aim or framework outcome, directly or through
// a local outcome or priority (the "-" rows of a plan's link columns).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND NOT EXISTS { MATCH (a)-[:SERVES*1..3]->(:NationalOutcome|StrategicAim|FrameworkOutcome) }
RETURN a, p.id AS plan
