// What the map and the lists show of the given nodes: kind, label, reference and status fields.
MATCH (n)
WHERE n.id IN $ids
RETURN n.id AS id, label(n) AS kind,
       coalesce(n.title, n.name, n.wording, n.measure, n.text, n.narrative) AS label,
       coalesce(n.ref, n.code) AS ref, n.number AS number,
       n.status AS status, n.yearBand AS yearBand, n.dueDate AS dueDate, n.leadVague AS leadVague, n.orgType AS orgType
