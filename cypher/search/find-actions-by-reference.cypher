// Actions, outcomes and priorities whose printed reference starts with the query ($q), e.g. 2.5 finds 2.5.7.
MATCH (n:Action|LocalOutcome|Priority)
WHERE n.ref STARTS WITH $q
RETURN n
LIMIT $cap
