// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces DELIVERS relationships from Organisation to Programme, one per map in $rows.
UNWIND $rows AS row
MATCH (a:Organisation {id: row.from})
MATCH (b:Programme {id: row.to})
MERGE (a)-[r:DELIVERS]->(b)
SET r.id = row.id,
    r.provSource = row.provSource,
    r.provFile = row.provFile,
    r.provLineFrom = CAST(row.provLineFrom AS INT64),
    r.provLineTo = CAST(row.provLineTo AS INT64),
    r.provQuote = row.provQuote,
    r.provAuthor = row.provAuthor,
    r.provAt = row.provAt,
    r.provNote = row.provNote,
    r.linkBasis = row.linkBasis,
    r.role = row.role
RETURN count(r) AS written
