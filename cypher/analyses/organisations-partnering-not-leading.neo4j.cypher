// Template: organisations that partner in more than $moreThan actions and lead none.
// $moreThan: a whole number as text, '' for 0. Neo4j casts with toInteger().
MATCH (o:Organisation)-[:PARTNERS_IN]->(a:Action)
WHERE NOT EXISTS { MATCH (o)-[:LEADS]->(:Action) }
WITH o, count(DISTINCT a) AS partnerIn
WHERE partnerIn > CASE WHEN $moreThan = '' THEN 0 ELSE toInteger($moreThan) END
RETURN o AS organisation, partnerIn
ORDER BY partnerIn DESC, organisation.name
