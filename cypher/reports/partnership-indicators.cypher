// Every plan's indicators with the plan that prints them: measure, baseline (only as entered: no document prints one), targets and actuals.
MATCH (p:Plan)-[:CONTAINS]->(i:Indicator)
RETURN p.id AS plan, i.id AS id, i.measure AS measure, i.baseline AS baseline, i.target AS target, i.actual AS actual, i.nextTarget AS nextTarget,
       i.period AS period, i.provSource AS source, i.provFile AS file, i.provLineFrom AS lineFrom, i.provLineTo AS lineTo
