// The audit log, newest first, filtered; an empty text (or 0 for $before) means "any".
// $node and $plan match any node or plan the change touched; times are ISO UTC, so text order is time order.
MATCH (e:AuditEntry)
WHERE ($node = '' OR $node IN e.nodeIds)
  AND ($author = '' OR e.actorId = $author)
  AND ($plan = '' OR $plan IN e.planIds)
  AND ($since = '' OR e.at >= $since)
  AND ($until = '' OR e.at <= $until)
  AND ($before = 0 OR e.seq < $before)
RETURN e
ORDER BY e.seq DESC
LIMIT $cap
