// Every domain node with all its properties, for the in-memory search index (GTNode is the label every domain node carries; system nodes do not).
MATCH (n:GTNode)
RETURN n
