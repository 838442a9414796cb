// The indicators a plan ($plan) reports: measure, targets and actuals as printed.
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(i:Indicator)
RETURN i.id AS id, i.measure AS measure, i.target AS target, i.actual AS actual, i.nextTarget AS nextTarget,
       i.period AS period, i.provSource AS source, i.provFile AS file, i.provLineFrom AS lineFrom, i.provLineTo AS lineTo
