// The highest seq in a seminar's log (null when it has none): the next event takes the one after.
MATCH (e:SeminarEvent)
WHERE e.seminarId = $seminarId
RETURN max(e.seq) AS seq
