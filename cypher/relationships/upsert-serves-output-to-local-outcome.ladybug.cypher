// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SERVES relationships from Output to LocalOutcome, one per map in $rows.
UNWIND $rows AS row
MATCH (a:Output {id: row.from})
MATCH (b:LocalOutcome {id: row.to})
MERGE (a)-[r:SERVES]->(b)
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
    r.printedAs = row.printedAs,
    r.rationale = row.rationale,
    r.evidenceNote = row.evidenceNote,
    r.evidenceUrl = row.evidenceUrl
RETURN count(r) AS written
