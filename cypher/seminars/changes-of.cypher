// The committed changes a seminar produced (their audit entries name it as origin), in commit order.
MATCH (e:AuditEntry)
WHERE e.originKind = 'seminar' AND e.originRef = $seminarId
RETURN e
ORDER BY e.seq
