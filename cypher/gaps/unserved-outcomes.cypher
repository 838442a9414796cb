// National outcomes, strategic aims and framework outcomes that no action serves, directly or
// through a local outcome or priority; in one plan ($plan) or, with $plan = '', in any plan.
MATCH (t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE NOT EXISTS {
  MATCH (p:Plan)-[:CONTAINS]->(:Action)-[:SERVES*1..3]->(t)
  WHERE $plan = '' OR p.id = $plan
}
RETURN t
