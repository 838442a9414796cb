// The action each milestone and progress update belongs to.
MATCH (a:Action)-[:HAS_MILESTONE|HAS_PROGRESS]->(n)
RETURN n.id AS id, a.id AS parent
