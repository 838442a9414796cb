// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces a ProgressUpdate node: every column is set, so a property left out becomes null.
MERGE (n:ProgressUpdate {id: $id})
SET n.version = $version,
    n.provSource = $provSource,
    n.provFile = $provFile,
    n.provLineFrom = $provLineFrom,
    n.provLineTo = $provLineTo,
    n.provQuote = $provQuote,
    n.provAuthor = $provAuthor,
    n.provAt = $provAt,
    n.provNote = $provNote,
    n.period = $period,
    n.asOf = $asOf,
    n.status = $status,
    n.statusAsPrinted = $statusAsPrinted,
    n.narrative = $narrative,
    n.scope = $scope
RETURN n.id AS id, n.version AS version
