// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Organisation {id: $from})-[r:DELIVERS]->(b:Programme {id: $to})
DELETE r
