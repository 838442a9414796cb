// What a milestone, progress update or indicator ($id) belongs to, whose golden thread it shows:
// the action that has the milestone or progress update (or the key objective a progress update
// reports on: Glasgow's MAPPA objectives), or what the indicator measures, with the
// link's basis (printed or inferred).
MATCH (a:Action)-[r:HAS_MILESTONE]->(n {id: $id})
RETURN a.id AS owner, r.id AS rel, 'HAS_MILESTONE' AS type, r.linkBasis AS basis
UNION ALL
MATCH (a:Action|Priority)-[r:HAS_PROGRESS]->(n {id: $id})
RETURN a.id AS owner, r.id AS rel, 'HAS_PROGRESS' AS type, r.linkBasis AS basis
UNION ALL
MATCH (n {id: $id})-[r:MEASURES]->(t)
RETURN t.id AS owner, r.id AS rel, 'MEASURES' AS type, r.linkBasis AS basis
