// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Proposal rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:Proposal:GTSystem {id: row.id})
SET n.seminarId = row.seminarId,
    n.kind = row.kind,
    n.status = row.status,
    n.authorId = row.authorId,
    n.authorName = row.authorName,
    n.comment = row.comment,
    n.nodeId = row.nodeId,
    n.operations = row.operations,
    n.diff = row.diff,
    n.createdAt = row.createdAt,
    n.decidedAt = row.decidedAt,
    n.decidedBy = row.decidedBy,
    n.declineReason = row.declineReason,
    n.changeId = row.changeId
RETURN count(n) AS written
