// Organisations one of whose aliases holds the query ($q: lower-case), e.g. SPS, NLC, ADSW.
// The parameter is bound to a variable first: LadybugDB cannot read a parameter inside a list predicate.
WITH $q AS needle
MATCH (n:Organisation)
WHERE any(a IN n.aliases WHERE toLower(a) CONTAINS needle)
RETURN n
LIMIT $cap
