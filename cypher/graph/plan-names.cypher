// What each plan is called: the publishing body and period, from which its short name ("LCJA 2008") is made.
MATCH (p:Plan)
RETURN p.id AS id, p.body AS body, p.period AS period, p.title AS title
