// Every plan's actions with the plan that contains them: the partnership's dashboard and its list of missing updates, in one read.
MATCH (p:Plan)-[:CONTAINS]->(a:Action)
RETURN a.id AS id, p.id AS plan
