// The fields the roll-up needs of the given actions ($ids): due date, latest status, plan.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE a.id IN $ids
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.dueDate AS dueDate, a.status AS status,
       a.leadAsPrinted AS leadAsPrinted, p.id AS plan
