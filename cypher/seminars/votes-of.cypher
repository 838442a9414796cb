// Every vote cast in a seminar, on its proposals and in its rounds.
MATCH (v:SeminarVote)
WHERE v.seminarId = $seminarId
RETURN v
ORDER BY v.at, v.id
