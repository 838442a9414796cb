// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces DotRound rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:DotRound {id: row.id})
SET n.seminarId = row.seminarId,
    n.title = row.title,
    n.status = row.status,
    n.targets = row.targets,
    n.dotsPerPerson = CAST(row.dotsPerPerson AS INT64),
    n.anonymous = CAST(row.anonymous AS BOOLEAN),
    n.openedAt = row.openedAt,
    n.endsAt = row.endsAt,
    n.closedAt = row.closedAt
RETURN count(n) AS written
