// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Milestone nodes, one per map in $rows: every column is set, so a property left out becomes null.
UNWIND $rows AS row
MERGE (n:Milestone {id: row.id})
SET n.version = CAST(row.version AS INT64),
    n.provSource = row.provSource,
    n.provFile = row.provFile,
    n.provLineFrom = CAST(row.provLineFrom AS INT64),
    n.provLineTo = CAST(row.provLineTo AS INT64),
    n.provQuote = row.provQuote,
    n.provAuthor = row.provAuthor,
    n.provAt = row.provAt,
    n.provNote = row.provNote,
    n.text = row.text,
    n.timescale = row.timescale,
    n.dueDate = row.dueDate,
    n.dueDateBasis = row.dueDateBasis,
    n.leadAsPrinted = row.leadAsPrinted,
    n.leadVague = CAST(row.leadVague AS BOOLEAN),
    n.status = row.status,
    n.statusAsPrinted = row.statusAsPrinted,
    n.statusBasis = row.statusBasis
RETURN count(n) AS written
