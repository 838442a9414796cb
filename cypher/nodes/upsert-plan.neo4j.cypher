// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Plan nodes, one per map in $rows: every column is set, so a property left out becomes null.
UNWIND $rows AS row
MERGE (n:Plan:GTNode {id: row.id})
SET n.version = row.version,
    n.provSource = row.provSource,
    n.provFile = row.provFile,
    n.provLineFrom = row.provLineFrom,
    n.provLineTo = row.provLineTo,
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
    n.aims = row.aims,
    n.values = row.values,
    n.coreBusiness = row.coreBusiness
RETURN count(n) AS written
