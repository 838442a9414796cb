// Every relationship from one node to another, with its type and properties.
MATCH (a {id: $from})-[r]->(b {id: $to})
RETURN label(r) AS type, r
