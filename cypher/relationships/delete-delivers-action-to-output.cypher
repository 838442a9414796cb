// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Action {id: $from})-[r:DELIVERS]->(b:Output {id: $to})
DELETE r
