// What the map shows of every node: kind, label, reference and status fields.
MATCH (n)
RETURN n.id AS id, label(n) AS kind,
       coalesce(n.title, n.name, n.wording, n.measure, n.text, n.narrative) AS label,
       coalesce(n.ref, n.code) AS ref, n.number AS number,
       n.status AS status, n.yearBand AS yearBand, n.dueDate AS dueDate, n.leadVague AS leadVague, n.orgType AS orgType
