// Coverage: which plan holds actions serving which national outcome, aim or framework outcome.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE $plan = '' OR p.id = $plan
RETURN p.id AS row, t.id AS col, collect(DISTINCT a.id) AS actions
