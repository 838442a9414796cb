// The actions of one plan ($plan) with every column a progress report prints, and where each was printed.
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(a:Action)
RETURN a.id AS id, a.ref AS ref, a.title AS title, a.section AS section, a.objective AS objective,
       a.localTarget AS localTarget, a.frequencySource AS frequencySource, a.timescale AS timescale,
       a.dueDate AS dueDate, a.leadAsPrinted AS leadAsPrinted, a.status AS status,
       a.provSource AS source, a.provFile AS file, a.provLineFrom AS lineFrom, a.provLineTo AS lineTo
