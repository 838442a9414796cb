// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Priority {id: $from})-[r:SERVES]->(b:NationalOutcome {id: $to})
DELETE r
