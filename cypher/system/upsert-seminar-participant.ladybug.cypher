// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces SeminarParticipant rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:SeminarParticipant {id: row.id})
SET n.seminarId = row.seminarId,
    n.displayName = row.displayName,
    n.role = row.role,
    n.username = row.username,
    n.tokenHash = row.tokenHash,
    n.joinedAt = row.joinedAt
RETURN count(n) AS written
