// For each outcome or aim that led actions serve, the organisations that lead them and the actions.
// Several organisations: possible duplication of effort; exactly one: a single point of failure.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES*1..3]->(t:LocalOutcome|Priority|NationalOutcome|StrategicAim|FrameworkOutcome),
      (o:Organisation)-[:LEADS]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN t, collect(DISTINCT o.id) AS organisations, collect(DISTINCT o.name) AS names, collect(DISTINCT a.id) AS actions
