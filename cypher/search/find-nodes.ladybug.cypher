// Nodes whose name, title, wording or printed reference holds every word of the query ($words: lower-case).
// The domain kinds by name, so that system tables (model/system.ts) are never scanned.
MATCH (n:Plan|Organisation|Action|Milestone|ProgressUpdate|LocalOutcome|Priority|StrategicAim|FrameworkOutcome|NationalOutcome|Indicator|Event|Funding)
WHERE all(w IN $words WHERE toLower(coalesce(n.title, n.name, n.wording, n.measure, n.text, n.narrative, '') + ' ' + coalesce(n.ref, n.code, '')) CONTAINS w)
RETURN n
LIMIT $cap
