// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Funding {id: $from})-[r:FUNDS]->(b:Programme {id: $to})
DELETE r
