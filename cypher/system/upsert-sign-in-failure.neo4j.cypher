// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SignInFailure rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:SignInFailure:GTSystem {id: row.id})
SET n.hits = row.hits,
    n.resetAt = row.resetAt
RETURN count(n) AS written
