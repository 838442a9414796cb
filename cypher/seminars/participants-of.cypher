// Everyone who joined a seminar, in the order they joined.
MATCH (p:SeminarParticipant)
WHERE p.seminarId = $seminarId
RETURN p
ORDER BY p.joinedAt, p.id
