// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
MATCH (a:Organisation {id: $from}), (b:Event {id: $to})
MERGE (a)-[r:PARTNERS_IN]->(b)
SET r.id = $id,
    r.provSource = $provSource,
    r.provFile = $provFile,
    r.provLineFrom = $provLineFrom,
    r.provLineTo = $provLineTo,
    r.provQuote = $provQuote,
    r.provAuthor = $provAuthor,
    r.provAt = $provAt,
    r.provNote = $provNote,
    r.role = $role
RETURN r.id AS id
