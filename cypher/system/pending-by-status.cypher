// The approval queue: partner editors' changes with the given status, oldest first.
MATCH (p:PendingChange)
WHERE p.status = $status
RETURN p
ORDER BY p.submittedAt, p.id
LIMIT $cap
