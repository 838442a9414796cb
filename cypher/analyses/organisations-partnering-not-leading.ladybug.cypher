// Template: organisations that partner in more than $moreThan actions and lead none.
// $moreThan: a whole number as text, '' for 0. LadybugDB casts with CAST(... AS INT64).
MATCH (o:Organisation)-[:PARTNERS_IN]->(a:Action)
WHERE NOT EXISTS { MATCH (o)-[:LEADS]->(:Action) }
WITH o, count(DISTINCT a) AS partnerIn
WHERE partnerIn > CASE WHEN $moreThan = '' THEN 0 ELSE CAST($moreThan AS INT64) END
RETURN o AS organisation, partnerIn
ORDER BY partnerIn DESC, organisation.name
