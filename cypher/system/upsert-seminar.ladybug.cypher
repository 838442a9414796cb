// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Seminar rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:Seminar {id: row.id})
SET n.code = row.code,
    n.title = row.title,
    n.status = row.status,
    n.facilitatorId = row.facilitatorId,
    n.facilitatorName = row.facilitatorName,
    n.startedAt = row.startedAt,
    n.endedAt = row.endedAt,
    n.view = row.view,
    n.follow = row.follow,
    n.requireSignIn = CAST(row.requireSignIn AS BOOLEAN),
    n.anonymousVotes = CAST(row.anonymousVotes AS BOOLEAN),
    n.dotsPerPerson = CAST(row.dotsPerPerson AS INT64),
    n.facilitatorTokenHash = row.facilitatorTokenHash
RETURN count(n) AS written
