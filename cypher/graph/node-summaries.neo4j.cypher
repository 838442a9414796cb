// What the map and the lists show of the given nodes: kind, label, reference and status fields.
MATCH (n:GTNode)
WHERE n.id IN $ids
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'GTNode'][0] AS kind,
       coalesce(n.title, n.name, n.wording, n.measure, n.text, n.narrative) AS label,
       coalesce(n.ref, n.code) AS ref, n.number AS number,
       n.status AS status, n.yearBand AS yearBand, n.dueDate AS dueDate, n.leadVague AS leadVague, n.orgType AS orgType
