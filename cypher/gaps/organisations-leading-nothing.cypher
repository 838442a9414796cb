// Organisations that appear as partners, consultees, attendees or members but lead nothing.
MATCH (o:Organisation)
WHERE NOT EXISTS { MATCH (o)-[:LEADS]->() }
  AND EXISTS { MATCH (o)-[:PARTNERS_IN|MEMBER_OF]->() }
OPTIONAL MATCH (o)-[r:PARTNERS_IN|MEMBER_OF]->(x)
RETURN o.id AS id, o.name AS name, collect(DISTINCT coalesce(r.role, 'member')) AS roles, count(DISTINCT x) AS appearances
