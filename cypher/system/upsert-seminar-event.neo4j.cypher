// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SeminarEvent rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:SeminarEvent:GTSystem {id: row.id})
SET n.seminarId = row.seminarId,
    n.seq = row.seq,
    n.at = row.at,
    n.type = row.type,
    n.body = row.body
RETURN count(n) AS written
