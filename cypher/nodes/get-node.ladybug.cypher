// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (n:Plan|Organisation|Action|Milestone|ProgressUpdate|LocalOutcome|Priority|StrategicAim|FrameworkOutcome|NationalOutcome|Indicator|Event|Funding|Programme|Output {id: $id})
RETURN n
