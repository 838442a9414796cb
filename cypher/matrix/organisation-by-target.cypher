// Coverage: which organisation leads actions serving which national outcome, aim or framework outcome.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:NationalOutcome|StrategicAim|FrameworkOutcome),
      (o:Organisation)-[:LEADS]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN o.id AS row, t.id AS col, collect(DISTINCT a.id) AS actions
