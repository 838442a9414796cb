// Who leads each of the given actions, with the role as printed.
MATCH (o:Organisation)-[r:LEADS]->(a:Action)
WHERE a.id IN $ids
RETURN a.id AS action, o.id AS organisation, o.name AS name, r.role AS role, r.id AS relationship
