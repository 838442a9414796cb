// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces CONTAINS relationships from Plan to Output, one per map in $rows.
UNWIND $rows AS row
MATCH (a:Plan {id: row.from})
MATCH (b:Output {id: row.to})
MERGE (a)-[r:CONTAINS]->(b)
SET r.id = row.id,
    r.provSource = row.provSource,
    r.provFile = row.provFile,
    r.provLineFrom = CAST(row.provLineFrom AS INT64),
    r.provLineTo = CAST(row.provLineTo AS INT64),
    r.provQuote = row.provQuote,
    r.provAuthor = row.provAuthor,
    r.provAt = row.provAt,
    r.provNote = row.provNote,
    r.linkBasis = row.linkBasis
RETURN count(r) AS written
