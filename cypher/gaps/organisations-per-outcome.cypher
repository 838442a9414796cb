// For each outcome or aim that led actions serve (through one to three SERVES links), the
// organisation leading each such action. Several organisations on one outcome: possible duplication
// of effort; exactly one: a single point of failure. One row per (outcome, organisation, action).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->(t), (o:Organisation)-[:LEADS]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN t.id AS target, o.id AS organisation, o.name AS name, a.id AS action, p.id AS plan
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->()-[:SERVES]->(t), (o:Organisation)-[:LEADS]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN t.id AS target, o.id AS organisation, o.name AS name, a.id AS action, p.id AS plan
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->()-[:SERVES]->()-[:SERVES]->(t), (o:Organisation)-[:LEADS]->(a)
WHERE $plan = '' OR p.id = $plan
RETURN t.id AS target, o.id AS organisation, o.name AS name, a.id AS action, p.id AS plan
