// The seminars with a join code, the running one first (codes are reused only after a seminar ends).
MATCH (s:Seminar)
WHERE s.code = $code
RETURN s
ORDER BY s.status DESC, s.startedAt DESC
