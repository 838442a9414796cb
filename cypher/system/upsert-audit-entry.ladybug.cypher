// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces AuditEntry rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:AuditEntry {id: row.id})
SET n.seq = CAST(row.seq AS INT64),
    n.at = row.at,
    n.actorId = row.actorId,
    n.actorName = row.actorName,
    n.actorRole = row.actorRole,
    n.actorOrganisation = row.actorOrganisation,
    n.reason = row.reason,
    n.originKind = row.originKind,
    n.originRef = row.originRef,
    n.approvedBy = row.approvedBy,
    n.nodeIds = CAST(row.nodeIds AS STRING[]),
    n.planIds = CAST(row.planIds AS STRING[]),
    n.diff = row.diff
RETURN count(n) AS written
