// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
CREATE NODE TABLE IF NOT EXISTS AuditEntry(id STRING PRIMARY KEY, seq INT64, at STRING, actorId STRING, actorName STRING, actorRole STRING, actorOrganisation STRING, reason STRING, originKind STRING, originRef STRING, approvedBy STRING, nodeIds STRING[], planIds STRING[], diff STRING);
CREATE NODE TABLE IF NOT EXISTS NodeChange(id STRING PRIMARY KEY, changeId STRING, nodeId STRING, seq INT64, at STRING, actorId STRING, actorName STRING, reason STRING, originKind STRING, originRef STRING, action STRING, fields STRING, relationships STRING);
CREATE NODE TABLE IF NOT EXISTS PendingChange(id STRING PRIMARY KEY, submittedAt STRING, actorId STRING, actorName STRING, actorRole STRING, actorOrganisation STRING, status STRING, request STRING, diff STRING, nodeIds STRING[], decidedBy STRING, decidedAt STRING, decisionNote STRING, changeId STRING);
CREATE NODE TABLE IF NOT EXISTS Migration(id STRING PRIMARY KEY, migrationId INT64, name STRING, appliedAt STRING);
CREATE NODE TABLE IF NOT EXISTS User(id STRING PRIMARY KEY, name STRING, role STRING, organisationId STRING, passwordHash STRING, createdAt STRING, updatedAt STRING, totpSecret STRING, totpEnabledAt STRING, totpLastStep INT64, recoveryCodeHashes STRING);
CREATE NODE TABLE IF NOT EXISTS Session(id STRING PRIMARY KEY, username STRING, createdAt STRING, expiresAt STRING, lastSeenAt STRING, oidcProviderId STRING, oidcSid STRING);
CREATE NODE TABLE IF NOT EXISTS Snapshot(id STRING PRIMARY KEY, name STRING, note STRING, createdAt STRING, createdBy STRING, createdByName STRING, nodes INT64, relationships INT64);
CREATE NODE TABLE IF NOT EXISTS SnapshotGraph(id STRING PRIMARY KEY, graph STRING);
CREATE NODE TABLE IF NOT EXISTS NamedView(id STRING PRIMARY KEY, name STRING, nameKey STRING, view STRING, createdAt STRING, createdBy STRING, updatedAt STRING, updatedBy STRING);
CREATE NODE TABLE IF NOT EXISTS SavedAnalysis(id STRING PRIMARY KEY, version INT64, deleted BOOLEAN, title STRING, explanation STRING, cypher STRING, engine STRING, parameters STRING, createdBy STRING, createdAt STRING, updatedBy STRING, updatedAt STRING);
CREATE NODE TABLE IF NOT EXISTS Seminar(id STRING PRIMARY KEY, code STRING, title STRING, status STRING, facilitatorId STRING, facilitatorName STRING, startedAt STRING, endedAt STRING, view STRING, follow STRING, requireSignIn BOOLEAN, anonymousVotes BOOLEAN, dotsPerPerson INT64, facilitatorTokenHash STRING);
CREATE NODE TABLE IF NOT EXISTS SeminarEvent(id STRING PRIMARY KEY, seminarId STRING, seq INT64, at STRING, type STRING, body STRING);
CREATE NODE TABLE IF NOT EXISTS SeminarParticipant(id STRING PRIMARY KEY, seminarId STRING, displayName STRING, role STRING, username STRING, tokenHash STRING, joinedAt STRING);
CREATE NODE TABLE IF NOT EXISTS Proposal(id STRING PRIMARY KEY, seminarId STRING, kind STRING, status STRING, authorId STRING, authorName STRING, comment STRING, nodeId STRING, operations STRING, diff STRING, createdAt STRING, decidedAt STRING, decidedBy STRING, declineReason STRING, changeId STRING);
CREATE NODE TABLE IF NOT EXISTS DotRound(id STRING PRIMARY KEY, seminarId STRING, title STRING, status STRING, targets STRING, dotsPerPerson INT64, anonymous BOOLEAN, openedAt STRING, endsAt STRING, closedAt STRING);
CREATE NODE TABLE IF NOT EXISTS SeminarVote(id STRING PRIMARY KEY, seminarId STRING, subjectId STRING, participantId STRING, value INT64, allocations STRING, at STRING);
CREATE NODE TABLE IF NOT EXISTS OidcIdentity(id STRING PRIMARY KEY, issuer STRING, subject STRING, providerId STRING, username STRING, createdAt STRING, lastSignInAt STRING);
CREATE NODE TABLE IF NOT EXISTS SignInFailure(id STRING PRIMARY KEY, hits INT64, resetAt STRING);
