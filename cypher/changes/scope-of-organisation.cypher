// What a partner editor's organisation may change: the actions it leads or partners in, and their progress updates and milestones.
MATCH (o:Organisation {id: $org})-[:LEADS|PARTNERS_IN]->(a:Action)
RETURN a.id AS id
UNION ALL
MATCH (o:Organisation {id: $org})-[:LEADS|PARTNERS_IN]->(:Action)-[:HAS_PROGRESS|HAS_MILESTONE]->(x)
RETURN x.id AS id
