// Empties the database. Used only by the store contract suite on a throwaway database.
MATCH (n)
DETACH DELETE n
