// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces NamedView rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:NamedView {id: row.id})
SET n.name = row.name,
    n.nameKey = row.nameKey,
    n.view = row.view,
    n.createdAt = row.createdAt,
    n.createdBy = row.createdBy,
    n.updatedAt = row.updatedAt,
    n.updatedBy = row.updatedBy
RETURN count(n) AS written
