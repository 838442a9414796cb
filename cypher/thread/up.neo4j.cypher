// The golden thread upwards: every chain of SERVES links from an action, local outcome or priority.
MATCH p = (a:GTNode {id: $id})-[:SERVES*1..4]->(t)
RETURN nodes(p) AS nodes, relationships(p) AS rels
