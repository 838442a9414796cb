// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.
CREATE CONSTRAINT system_audit_entry_id IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_node_change_id IF NOT EXISTS FOR (n:NodeChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_pending_change_id IF NOT EXISTS FOR (n:PendingChange) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_migration_id IF NOT EXISTS FOR (n:Migration) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_session_id IF NOT EXISTS FOR (n:Session) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_snapshot_id IF NOT EXISTS FOR (n:Snapshot) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_snapshot_graph_id IF NOT EXISTS FOR (n:SnapshotGraph) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_named_view_id IF NOT EXISTS FOR (n:NamedView) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_saved_analysis_id IF NOT EXISTS FOR (n:SavedAnalysis) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_seminar_id IF NOT EXISTS FOR (n:Seminar) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_seminar_event_id IF NOT EXISTS FOR (n:SeminarEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_seminar_participant_id IF NOT EXISTS FOR (n:SeminarParticipant) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_dot_round_id IF NOT EXISTS FOR (n:DotRound) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_seminar_vote_id IF NOT EXISTS FOR (n:SeminarVote) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT system_oidc_identity_id IF NOT EXISTS FOR (n:OidcIdentity) REQUIRE n.id IS UNIQUE;
