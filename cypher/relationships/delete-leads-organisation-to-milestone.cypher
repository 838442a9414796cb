// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Organisation {id: $from})-[r:LEADS]->(b:Milestone {id: $to})
DELETE r
