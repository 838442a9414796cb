// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces PendingChange rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:PendingChange {id: row.id})
SET n.submittedAt = row.submittedAt,
    n.actorId = row.actorId,
    n.actorName = row.actorName,
    n.actorRole = row.actorRole,
    n.actorOrganisation = row.actorOrganisation,
    n.status = row.status,
    n.request = row.request,
    n.diff = row.diff,
    n.nodeIds = CAST(row.nodeIds AS STRING[]),
    n.decidedBy = row.decidedBy,
    n.decidedAt = row.decidedAt,
    n.decisionNote = row.decisionNote,
    n.changeId = row.changeId
RETURN count(n) AS written
