// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SavedAnalysis rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:SavedAnalysis:GTSystem {id: row.id})
SET n.version = row.version,
    n.deleted = row.deleted,
    n.title = row.title,
    n.explanation = row.explanation,
    n.cypher = row.cypher,
    n.engine = row.engine,
    n.parameters = row.parameters,
    n.createdBy = row.createdBy,
    n.createdAt = row.createdAt,
    n.updatedBy = row.updatedBy,
    n.updatedAt = row.updatedAt
RETURN count(n) AS written
