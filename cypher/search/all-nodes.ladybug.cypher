// Every domain node with all its properties, for the in-memory search index.
// The domain kinds by name, so that system tables (model/system.ts) are never scanned.
MATCH (n:Plan|Organisation|Action|Milestone|ProgressUpdate|LocalOutcome|Priority|StrategicAim|FrameworkOutcome|NationalOutcome|Indicator|Event|Funding|Programme|Output)
RETURN n
