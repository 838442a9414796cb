// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:ProgressUpdate {id: $from})-[r:REPORTS_ON]->(b:Organisation {id: $to})
DELETE r
