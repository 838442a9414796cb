// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Output {id: $from})-[r:SERVES]->(b:LocalOutcome {id: $to})
DELETE r
