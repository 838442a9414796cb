// Every organisation with the number of actions it leads and the number it partners in. Only links
// whose basis is in $bases count.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[l:LEADS]->(led:Action)<-[:CONTAINS]-(p:Plan)
WHERE ($plan = '' OR p.id = $plan) AND l.linkBasis IN $bases
WITH o, count(DISTINCT led) AS leads
OPTIONAL MATCH (o)-[q:PARTNERS_IN]->(partnered:Action)
WHERE q.linkBasis IN $bases
RETURN o.id AS id, o.name AS name, leads, count(DISTINCT partnered) AS partners
