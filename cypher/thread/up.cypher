// The golden thread upwards: every chain of one to three SERVES links from an action, local outcome
// or priority, as ordered node and relationship ids
// with each link's basis (printed or inferred). Fixed-length branches, not a variable-length
// pattern: LadybugDB runs them an order of magnitude faster, and the model's chains are never longer.
MATCH (a {id: $id})-[r1:SERVES]->(t)
RETURN [a.id, t.id] AS nodes, [r1.id] AS rels, [r1.linkBasis] AS bases
UNION ALL
MATCH (a {id: $id})-[r1:SERVES]->(m1)-[r2:SERVES]->(t)
RETURN [a.id, m1.id, t.id] AS nodes, [r1.id, r2.id] AS rels, [r1.linkBasis, r2.linkBasis] AS bases
UNION ALL
MATCH (a {id: $id})-[r1:SERVES]->(m1)-[r2:SERVES]->(m2)-[r3:SERVES]->(t)
RETURN [a.id, m1.id, m2.id, t.id] AS nodes, [r1.id, r2.id, r3.id] AS rels, [r1.linkBasis, r2.linkBasis, r3.linkBasis] AS bases
