// Number of nodes of each kind.
// The domain kinds by name, so that system tables (model/system.ts) are never scanned.
MATCH (n:Plan|Organisation|Action|Milestone|ProgressUpdate|LocalOutcome|Priority|StrategicAim|FrameworkOutcome|NationalOutcome|Indicator|Event|Funding|Programme|Output)
RETURN label(n) AS kind, count(*) AS count
