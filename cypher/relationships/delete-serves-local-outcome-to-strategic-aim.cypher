// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:LocalOutcome {id: $from})-[r:SERVES]->(b:StrategicAim {id: $to})
DELETE r
