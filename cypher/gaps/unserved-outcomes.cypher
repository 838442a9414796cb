// National outcomes, strategic aims and framework outcomes that no action serves, directly or
// through a local outcome or priority; in one plan ($plan) or, with $plan = '', in any plan.
// Only links whose basis is in $bases count (every basis, or the printed ones: basis=printed).
MATCH (t:NationalOutcome|StrategicAim|FrameworkOutcome)
WHERE NOT EXISTS {
  MATCH (p:Plan)-[:CONTAINS]->(:Action)-[r1:SERVES]->(t)
  WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases
}
  AND NOT EXISTS {
  MATCH (p:Plan)-[:CONTAINS]->(:Action)-[r1:SERVES]->()-[r2:SERVES]->(t)
  WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases
}
  AND NOT EXISTS {
  MATCH (p:Plan)-[:CONTAINS]->(:Action)-[r1:SERVES]->()-[r2:SERVES]->()-[r3:SERVES]->(t)
  WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND r3.linkBasis IN $bases
}
RETURN t
