// Candidate rows and columns of the coverage matrix: organisations, plans and the national frameworks.
MATCH (n:Organisation|Plan|NationalOutcome|StrategicAim|FrameworkOutcome)
RETURN n.id AS id
