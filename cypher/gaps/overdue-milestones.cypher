// Milestones due before $asOf (YYYY-MM-DD) that are not finished themselves and whose action's latest
// status is not finished. Only due dates whose basis is in $bases count.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:HAS_MILESTONE]->(m:Milestone)
WHERE ($plan = '' OR p.id = $plan)
  AND m.dueDate IS NOT NULL AND m.dueDate < $asOf
  AND coalesce(m.dueDateBasis, 'printed in the same row') IN $bases
  AND (m.status IS NULL OR NOT m.status IN ['complete', 'not required'])
  AND (a.status IS NULL OR NOT a.status IN ['complete', 'not required'])
RETURN m.id AS id, m.text AS milestone, m.timescale AS timescale, m.dueDate AS dueDate, a.ref AS action, a.status AS status, p.id AS plan
