// The golden thread downwards: every action beneath a national outcome, aim or framework outcome, with its path.
MATCH p = (a:Action)-[:SERVES*1..4]->(t:GTNode {id: $id})
RETURN nodes(p) AS nodes, relationships(p) AS rels
