// A node's part in every committed change, oldest first: its provenance history.
MATCH (h:NodeChange)
WHERE h.nodeId = $id
RETURN h
ORDER BY h.seq
LIMIT $cap
