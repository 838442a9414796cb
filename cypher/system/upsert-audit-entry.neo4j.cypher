// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces AuditEntry rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:AuditEntry:GTSystem {id: row.id})
SET n.seq = row.seq,
    n.at = row.at,
    n.actorId = row.actorId,
    n.actorName = row.actorName,
    n.actorRole = row.actorRole,
    n.actorOrganisation = row.actorOrganisation,
    n.reason = row.reason,
    n.originKind = row.originKind,
    n.originRef = row.originRef,
    n.approvedBy = row.approvedBy,
    n.nodeIds = row.nodeIds,
    n.planIds = row.planIds,
    n.diff = row.diff
RETURN count(n) AS written
