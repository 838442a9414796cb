// Actions that no organisation leads, or whose lead as printed is too vague to name a body. Only
// LEADS links whose basis is in $bases count.
// The plan filter stands in its own WITH (see actions-without-national-link).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE $plan = '' OR p.id = $plan
WITH p, a, EXISTS { MATCH (:Organisation)-[l:LEADS]->(a) WHERE l.linkBasis IN $bases } AS led
WHERE a.leadVague = true OR NOT led
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
