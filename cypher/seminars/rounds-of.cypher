// A seminar's dot-voting rounds, oldest first.
MATCH (r:DotRound)
WHERE r.seminarId = $seminarId
RETURN r
ORDER BY r.openedAt, r.id
