// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
// Creates or replaces User rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:User:GTSystem {id: row.id})
SET n.name = row.name,
    n.role = row.role,
    n.organisationId = row.organisationId,
    n.passwordHash = row.passwordHash,
    n.createdAt = row.createdAt,
    n.updatedAt = row.updatedAt,
    n.totpSecret = row.totpSecret,
    n.totpEnabledAt = row.totpEnabledAt,
    n.totpLastStep = row.totpLastStep,
    n.recoveryCodeHashes = row.recoveryCodeHashes
RETURN count(n) AS written
