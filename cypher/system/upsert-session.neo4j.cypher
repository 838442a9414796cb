// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces Session rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:Session:GTSystem {id: row.id})
SET n.username = row.username,
    n.createdAt = row.createdAt,
    n.expiresAt = row.expiresAt,
    n.lastSeenAt = row.lastSeenAt,
    n.oidcProviderId = row.oidcProviderId,
    n.oidcSid = row.oidcSid
RETURN count(n) AS written
