// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Priority {id: $from})-[r:HAS_PROGRESS]->(b:ProgressUpdate {id: $to})
DELETE r
