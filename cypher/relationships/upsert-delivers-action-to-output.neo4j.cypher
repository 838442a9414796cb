// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces DELIVERS relationships from Action to Output, one per map in $rows.
UNWIND $rows AS row
MATCH (a:Action {id: row.from})
MATCH (b:Output {id: row.to})
MERGE (a)-[r:DELIVERS]->(b)
SET r.id = row.id,
    r.provSource = row.provSource,
    r.provFile = row.provFile,
    r.provLineFrom = row.provLineFrom,
    r.provLineTo = row.provLineTo,
    r.provQuote = row.provQuote,
    r.provAuthor = row.provAuthor,
    r.provAt = row.provAt,
    r.provNote = row.provNote,
    r.linkBasis = row.linkBasis,
    r.role = row.role
RETURN count(r) AS written
