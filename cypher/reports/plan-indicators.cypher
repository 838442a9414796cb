// The indicators a plan ($plan) reports: measure, baseline, targets and actuals as printed (a baseline only as entered: no document prints one).
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(i:Indicator)
RETURN i.id AS id, i.measure AS measure, i.baseline AS baseline, i.target AS target, i.actual AS actual, i.nextTarget AS nextTarget,
       i.period AS period, i.provSource AS source, i.provFile AS file, i.provLineFrom AS lineFrom, i.provLineTo AS lineTo
