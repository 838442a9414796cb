// Every organisation with the number of actions it leads and the number it partners in, in one plan
// ($plan) or, with $plan = '', in any plan. Only links
// whose basis is in $bases count.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[l:LEADS]->(led:Action)<-[:CONTAINS]-(p:Plan)
WHERE ($plan = '' OR p.id = $plan) AND l.linkBasis IN $bases
WITH o, count(DISTINCT led) AS leads
// Partnerships count in the chosen plan too: without the plan here, a plan's load listed every
// organisation that partners in any plan (issue 17's exact rows for Lanarkshire 2010 found it).
OPTIONAL MATCH (o)-[q:PARTNERS_IN]->(partnered:Action)<-[:CONTAINS]-(pp:Plan)
WHERE ($plan = '' OR pp.id = $plan) AND q.linkBasis IN $bases
RETURN o.id AS id, o.name AS name, leads, count(DISTINCT partnered) AS partners
