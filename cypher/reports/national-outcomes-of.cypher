// The National Outcomes each of the given actions ($ids) serves, directly or through a local outcome or priority.
MATCH (a:Action)-[:SERVES*1..3]->(n:NationalOutcome)
WHERE a.id IN $ids
RETURN DISTINCT a.id AS action, n.id AS id, n.number AS number, n.wording AS wording
