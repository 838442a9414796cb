// The milestones of the given actions ($ids), with their own status where printed, in the order the document prints them.
MATCH (a:Action)-[:HAS_MILESTONE]->(m:Milestone)
WHERE a.id IN $ids
RETURN a.id AS action, m.id AS id, m.text AS text, m.timescale AS timescale, m.dueDate AS dueDate, m.status AS status, m.provLineFrom AS line
ORDER BY a.id, m.provLineFrom, m.id
