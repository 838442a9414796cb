// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (n:SignInFailure {id: $id})
DELETE n
