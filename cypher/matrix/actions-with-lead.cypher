// Actions that name a lead organisation (by a link whose basis is in $bases): under the default
// count their partners are not counted.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan) AND EXISTS { MATCH (:Organisation)-[l:LEADS]->(a) WHERE l.linkBasis IN $bases }
RETURN a.id AS id
