// Milestones due before $asOf (YYYY-MM-DD) of actions whose latest status is not finished.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:HAS_MILESTONE]->(m:Milestone)
WHERE ($plan = '' OR p.id = $plan)
  AND m.dueDate IS NOT NULL AND m.dueDate < $asOf
  AND (a.status IS NULL OR NOT a.status IN ['complete', 'not required'])
RETURN m.id AS id, m.text AS milestone, m.timescale AS timescale, m.dueDate AS dueDate, a.ref AS action, a.status AS status, p.id AS plan
