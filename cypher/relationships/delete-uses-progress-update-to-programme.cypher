// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:ProgressUpdate {id: $from})-[r:USES]->(b:Programme {id: $to})
DELETE r
