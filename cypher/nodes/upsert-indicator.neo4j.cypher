// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces a Indicator node: every column is set, so a property left out becomes null.
MERGE (n:Indicator:GTNode {id: $id})
SET n.version = $version,
    n.provSource = $provSource,
    n.provFile = $provFile,
    n.provLineFrom = $provLineFrom,
    n.provLineTo = $provLineTo,
    n.provQuote = $provQuote,
    n.provAuthor = $provAuthor,
    n.provAt = $provAt,
    n.provNote = $provNote,
    n.measure = $measure,
    n.target = $target,
    n.actual = $actual,
    n.nextTarget = $nextTarget,
    n.period = $period
RETURN n.id AS id, n.version AS version
