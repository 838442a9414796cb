// Actions that name a lead organisation: under the default basis their partners are not counted.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
WHERE ($plan = '' OR p.id = $plan) AND EXISTS { MATCH (:Organisation)-[:LEADS]->(a) }
RETURN a.id AS id
