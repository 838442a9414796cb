// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Indicator nodes, one per map in $rows: every column is set, so a property left out becomes null.
UNWIND $rows AS row
MERGE (n:Indicator:GTNode {id: row.id})
SET n.version = row.version,
    n.provSource = row.provSource,
    n.provFile = row.provFile,
    n.provLineFrom = row.provLineFrom,
    n.provLineTo = row.provLineTo,
    n.provQuote = row.provQuote,
    n.provAuthor = row.provAuthor,
    n.provAt = row.provAt,
    n.provNote = row.provNote,
    n.measure = row.measure,
    n.baseline = row.baseline,
    n.target = row.target,
    n.actual = row.actual,
    n.nextTarget = row.nextTarget,
    n.period = row.period
RETURN count(n) AS written
