// What the map and the lists show of the given nodes: kind, label, reference and status fields.
// The domain kinds by name, so that system tables (model/system.ts) are never scanned.
MATCH (n:Plan|Organisation|Action|Milestone|ProgressUpdate|LocalOutcome|Priority|StrategicAim|FrameworkOutcome|NationalOutcome|Indicator|Event|Funding|Programme|Output)
WHERE n.id IN $ids
RETURN n.id AS id, label(n) AS kind,
       coalesce(n.title, n.name, n.wording, n.measure, n.text, n.narrative) AS label,
       coalesce(n.ref, n.code) AS ref, n.number AS number,
       n.status AS status, n.yearBand AS yearBand, n.dueDate AS dueDate, n.leadVague AS leadVague, n.orgType AS orgType
