// A seminar's proposals, oldest first.
MATCH (p:Proposal)
WHERE p.seminarId = $seminarId
RETURN p
ORDER BY p.createdAt, p.id
