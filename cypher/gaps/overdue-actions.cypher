// Actions whose due date is before $asOf (YYYY-MM-DD) and whose latest status is not finished. Only
// due dates whose basis is in $bases count (an inferred year-band end drops out with basis=printed).
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan)
  AND a.dueDate IS NOT NULL AND a.dueDate < $asOf
  AND coalesce(a.dueDateBasis, 'printed in the same row') IN $bases
  AND (a.status IS NULL OR NOT a.status IN ['complete', 'not required'])
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.leadAsPrinted AS lead, a.timescale AS timescale,
       a.dueDate AS dueDate, a.status AS status, p.id AS plan
