// The rows of gaps/actions-without-timescale for the actions named in $ids: after an edit of
// an action's dates the list reads that action again, not every action (server/graph/cachedRows.ts).
// Its filter must select as the list's does: test/gaps/rowsOf.spec.ts compares the two on the seed.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE a.id IN $ids
  AND ($plan = '' OR p.id = $plan)
  AND a.timescale IS NULL AND a.dueDate IS NULL AND a.yearBand IS NULL
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
