// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Plan nodes, one per map in $rows: every column is set, so a property left out becomes null.
UNWIND $rows AS row
MERGE (n:Plan {id: row.id})
SET n.version = CAST(row.version AS INT64),
    n.provSource = row.provSource,
    n.provFile = row.provFile,
    n.provLineFrom = CAST(row.provLineFrom AS INT64),
    n.provLineTo = CAST(row.provLineTo AS INT64),
    n.provQuote = row.provQuote,
    n.provAuthor = row.provAuthor,
    n.provAt = row.provAt,
    n.provNote = row.provNote,
    n.title = row.title,
    n.body = row.body,
    n.period = row.period,
    n.planType = row.planType,
    n.sourceFile = row.sourceFile,
    n.vision = row.vision,
    n.mission = row.mission,
    n.aims = CAST(row.aims AS STRING[]),
    n.values = CAST(row.values AS STRING[]),
    n.coreBusiness = CAST(row.coreBusiness AS STRING[])
RETURN count(n) AS written
