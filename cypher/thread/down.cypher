// The golden thread downwards: every action beneath a national outcome, aim or framework outcome
// ($id), with its chain of one to three SERVES links as ordered node and relationship ids and
// each link's basis (printed or inferred).
MATCH (a:Action)-[r1:SERVES]->(t {id: $id})
RETURN [a.id, t.id] AS nodes, [r1.id] AS rels, [r1.linkBasis] AS bases
UNION ALL
MATCH (a:Action)-[r1:SERVES]->(m1)-[r2:SERVES]->(t {id: $id})
RETURN [a.id, m1.id, t.id] AS nodes, [r1.id, r2.id] AS rels, [r1.linkBasis, r2.linkBasis] AS bases
UNION ALL
MATCH (a:Action)-[r1:SERVES]->(m1)-[r2:SERVES]->(m2)-[r3:SERVES]->(t {id: $id})
RETURN [a.id, m1.id, m2.id, t.id] AS nodes, [r1.id, r2.id, r3.id] AS rels, [r1.linkBasis, r2.linkBasis, r3.linkBasis] AS bases
