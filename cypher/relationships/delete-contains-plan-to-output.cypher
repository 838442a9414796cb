// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Plan {id: $from})-[r:CONTAINS]->(b:Output {id: $to})
DELETE r
