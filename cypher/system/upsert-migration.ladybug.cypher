// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Migration rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:Migration {id: row.id})
SET n.migrationId = CAST(row.migrationId AS INT64),
    n.name = row.name,
    n.appliedAt = row.appliedAt
RETURN count(n) AS written
