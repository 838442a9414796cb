// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces NodeChange rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:NodeChange {id: row.id})
SET n.changeId = row.changeId,
    n.nodeId = row.nodeId,
    n.seq = CAST(row.seq AS INT64),
    n.at = row.at,
    n.actorId = row.actorId,
    n.actorName = row.actorName,
    n.reason = row.reason,
    n.originKind = row.originKind,
    n.originRef = row.originRef,
    n.action = row.action,
    n.fields = row.fields,
    n.relationships = row.relationships
RETURN count(n) AS written
