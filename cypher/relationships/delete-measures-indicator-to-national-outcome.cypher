// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Indicator {id: $from})-[r:MEASURES]->(b:NationalOutcome {id: $to})
DELETE r
