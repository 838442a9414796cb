// Nodes whose name, title, wording or printed reference holds every word of the query ($words: lower-case).
MATCH (n)
WHERE all(w IN $words WHERE toLower(coalesce(n.title, n.name, n.wording, n.measure, n.text, n.narrative, '') + ' ' + coalesce(n.ref, n.code, '')) CONTAINS w)
RETURN n
LIMIT $cap
