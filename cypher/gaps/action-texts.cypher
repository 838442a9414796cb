// Every action's text with its plan, for the near-duplicate comparison across plans.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE $plan = '' OR p.id = $plan
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.objective AS objective, p.id AS plan
