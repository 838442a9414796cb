// The actions of a plan with their milestones' text and the organisations that lead them, for plan comparison.
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(a:Action)
OPTIONAL MATCH (a)-[:HAS_MILESTONE]->(m:Milestone)
WITH a, collect(m.text) AS milestones
OPTIONAL MATCH (o:Organisation)-[:LEADS]->(a)
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.objective AS objective, a.localTarget AS localTarget, a.leadAsPrinted AS leadAsPrinted,
       milestones, collect(o.id) AS leads
ORDER BY id
