// Every progress update of the given actions ($ids), with where it was printed.
MATCH (a:Action)-[:HAS_PROGRESS]->(u:ProgressUpdate)
WHERE a.id IN $ids
RETURN a.id AS action, u.id AS id, u.period AS period, u.asOf AS asOf, u.status AS status,
       u.statusAsPrinted AS statusAsPrinted, u.narrative AS narrative, u.scope AS scope,
       u.provSource AS source, u.provFile AS file, u.provLineFrom AS lineFrom, u.provLineTo AS lineTo
