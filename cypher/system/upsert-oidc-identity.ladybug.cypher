// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces OidcIdentity rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:OidcIdentity {id: row.id})
SET n.issuer = row.issuer,
    n.subject = row.subject,
    n.providerId = row.providerId,
    n.username = row.username,
    n.createdAt = row.createdAt,
    n.lastSignInAt = row.lastSignInAt
RETURN count(n) AS written
