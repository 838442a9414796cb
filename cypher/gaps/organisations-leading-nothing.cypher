// Organisations that appear as partners, consultees, attendees or members but lead nothing. Only
// links whose basis is in $bases count.
MATCH (o:Organisation)
WHERE NOT EXISTS { MATCH (o)-[l:LEADS]->() WHERE l.linkBasis IN $bases }
  AND EXISTS { MATCH (o)-[q:PARTNERS_IN|MEMBER_OF]->() WHERE q.linkBasis IN $bases }
OPTIONAL MATCH (o)-[r:PARTNERS_IN|MEMBER_OF]->(x)
WHERE r.linkBasis IN $bases
RETURN o.id AS id, o.name AS name, collect(DISTINCT coalesce(r.role, 'member')) AS roles, count(DISTINCT x) AS appearances
