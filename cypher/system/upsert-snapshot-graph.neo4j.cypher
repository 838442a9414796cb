// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SnapshotGraph rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:SnapshotGraph:GTSystem {id: row.id})
SET n.graph = row.graph
RETURN count(n) AS written
