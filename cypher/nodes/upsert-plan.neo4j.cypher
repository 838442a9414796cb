// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces a Plan node: every column is set, so a property left out becomes null.
MERGE (n:Plan:GTNode {id: $id})
SET n.version = $version,
    n.provSource = $provSource,
    n.provFile = $provFile,
    n.provLineFrom = $provLineFrom,
    n.provLineTo = $provLineTo,
    n.provQuote = $provQuote,
    n.provAuthor = $provAuthor,
    n.provAt = $provAt,
    n.provNote = $provNote,
    n.title = $title,
    n.body = $body,
    n.period = $period,
    n.planType = $planType,
    n.sourceFile = $sourceFile,
    n.vision = $vision,
    n.mission = $mission,
    n.aims = $aims,
    n.values = $values,
    n.coreBusiness = $coreBusiness
RETURN n.id AS id, n.version AS version
