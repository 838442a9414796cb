// The participant a token belongs to, found by the token's SHA-256 (the token itself is never stored).
MATCH (p:SeminarParticipant)
WHERE p.tokenHash = $tokenHash
RETURN p
