// The local outcomes each of the given actions ($ids) serves directly.
MATCH (a:Action)-[:SERVES]->(l:LocalOutcome)
WHERE a.id IN $ids
RETURN a.id AS action, l.id AS id, l.title AS title
