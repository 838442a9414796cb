// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces FUNDS relationships from Funding to Programme, one per map in $rows.
UNWIND $rows AS row
MATCH (a:Funding {id: row.from})
MATCH (b:Programme {id: row.to})
MERGE (a)-[r:FUNDS]->(b)
SET r.id = row.id,
    r.provSource = row.provSource,
    r.provFile = row.provFile,
    r.provLineFrom = row.provLineFrom,
    r.provLineTo = row.provLineTo,
    r.provQuote = row.provQuote,
    r.provAuthor = row.provAuthor,
    r.provAt = row.provAt,
    r.provNote = row.provNote,
    r.linkBasis = row.linkBasis
RETURN count(r) AS written
