// A seminar's logged events after a seq, in order: what a reconnecting client missed.
MATCH (e:SeminarEvent)
WHERE e.seminarId = $seminarId AND e.seq > $after
RETURN e
ORDER BY e.seq
LIMIT $cap
