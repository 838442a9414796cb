// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SeminarVote rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:SeminarVote {id: row.id})
SET n.seminarId = row.seminarId,
    n.subjectId = row.subjectId,
    n.participantId = row.participantId,
    n.value = CAST(row.value AS INT64),
    n.allocations = row.allocations,
    n.at = row.at
RETURN count(n) AS written
