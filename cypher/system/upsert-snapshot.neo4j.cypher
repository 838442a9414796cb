// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Snapshot rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:Snapshot:GTSystem {id: row.id})
SET n.name = row.name,
    n.note = row.note,
    n.createdAt = row.createdAt,
    n.createdBy = row.createdBy,
    n.createdByName = row.createdByName,
    n.nodes = row.nodes,
    n.relationships = row.relationships
RETURN count(n) AS written
