// Every organisation with the number of actions it leads and the number it partners in.
MATCH (o:Organisation)
OPTIONAL MATCH (o)-[:LEADS]->(led:Action)<-[:CONTAINS]-(p:Plan)
WHERE $plan = '' OR p.id = $plan
WITH o, count(DISTINCT led) AS leads
OPTIONAL MATCH (o)-[:PARTNERS_IN]->(partnered:Action)
RETURN o.id AS id, o.name AS name, leads, count(DISTINCT partnered) AS partners
