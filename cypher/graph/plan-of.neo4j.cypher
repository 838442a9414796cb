// Which plan each of the given nodes belongs to: what a plan contains, and the milestones and progress of its actions
// (and of its key objectives: Glasgow's MAPPA progress).
MATCH (p:Plan)-[:CONTAINS]->(n:GTNode)
WHERE n.id IN $ids
RETURN p.id AS plan, n.id AS id
UNION ALL
MATCH (p:Plan)-[:CONTAINS]->(:Action|Priority)-[:HAS_PROGRESS|HAS_MILESTONE]->(n:GTNode)
WHERE n.id IN $ids
RETURN p.id AS plan, n.id AS id
