// Every relationship from one node to another, with its type and properties.
MATCH (a:GTNode {id: $from})-[r]->(b:GTNode {id: $to})
RETURN type(r) AS type, r
