// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces a Action node: every column is set, so a property left out becomes null.
MERGE (n:Action {id: $id})
SET n.version = $version,
    n.provSource = $provSource,
    n.provFile = $provFile,
    n.provLineFrom = $provLineFrom,
    n.provLineTo = $provLineTo,
    n.provQuote = $provQuote,
    n.provAuthor = $provAuthor,
    n.provAt = $provAt,
    n.provNote = $provNote,
    n.ref = $ref,
    n.title = $title,
    n.objective = $objective,
    n.section = $section,
    n.output = $output,
    n.localTarget = $localTarget,
    n.frequencySource = $frequencySource,
    n.timescale = $timescale,
    n.dueDate = $dueDate,
    n.yearBand = $yearBand,
    n.leadAsPrinted = $leadAsPrinted,
    n.leadVague = $leadVague,
    n.status = $status
RETURN n.id AS id, n.version AS version
