// Who leads each of the given actions, with the role as printed and the
// basis of the lead (in the row, from a heading, ...).
MATCH (o:Organisation)-[r:LEADS]->(a:Action)
WHERE a.id IN $ids
RETURN a.id AS action, o.id AS organisation, o.name AS name, r.role AS role, r.id AS relationship, r.linkBasis AS linkBasis
