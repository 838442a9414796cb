// For each outcome or aim that led actions serve (through one to three SERVES links), the
// organisation leading each such action. Several organisations on one outcome: possible duplication
// of effort; exactly one: a single point of failure. One row per (outcome, organisation, action),
// with the action's plan. Only links whose basis is in $bases count.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->(t), (o:Organisation)-[l:LEADS]->(a)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND l.linkBasis IN $bases
RETURN t.id AS target, o.id AS organisation, o.name AS name, a.id AS action, p.id AS plan
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->()-[r2:SERVES]->(t), (o:Organisation)-[l:LEADS]->(a)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND l.linkBasis IN $bases
RETURN t.id AS target, o.id AS organisation, o.name AS name, a.id AS action, p.id AS plan
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[r1:SERVES]->()-[r2:SERVES]->()-[r3:SERVES]->(t), (o:Organisation)-[l:LEADS]->(a)
WHERE ($plan = '' OR p.id = $plan) AND r1.linkBasis IN $bases AND r2.linkBasis IN $bases AND r3.linkBasis IN $bases AND l.linkBasis IN $bases
RETURN t.id AS target, o.id AS organisation, o.name AS name, a.id AS action, p.id AS plan
