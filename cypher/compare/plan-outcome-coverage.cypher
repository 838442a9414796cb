// How many of a plan's actions serve each national outcome, directly or through the local outcome or priority they serve.
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(a:Action)-[:SERVES*1..2]->(o:NationalOutcome)
RETURN o.id AS outcome, o.number AS number, count(DISTINCT a) AS actions
ORDER BY number
