// The highest commit number in the audit log (null when it is empty): the next change takes the one after.
MATCH (e:AuditEntry)
RETURN max(e.seq) AS seq
