// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Snapshot rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:Snapshot {id: row.id})
SET n.name = row.name,
    n.note = row.note,
    n.createdAt = row.createdAt,
    n.createdBy = row.createdBy,
    n.createdByName = row.createdByName,
    n.nodes = CAST(row.nodes AS INT64),
    n.relationships = CAST(row.relationships AS INT64)
RETURN count(n) AS written
