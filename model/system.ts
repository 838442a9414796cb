import { z } from 'zod';
import { columnsOf, type Column } from './columns.js';

/**
 * System tables: what the product keeps about itself rather than about the plans
 * (the audit log, the approval queue, the migrations applied, accounts and sessions).
 * They live in the graph store beside the domain, so that a change and its audit entry
 * commit in one transaction, but they are never part of the domain: no domain read
 * (search, graph, gaps, thread, health counts) sees them.
 *
 * - LadybugDB: one node table per entry, joined by no relationship table; domain
 *   queries that scan "every node" name the domain kinds (see DOMAIN_NODE_PATTERN in
 *   server/cypher/fromModel.ts) so these tables are never scanned.
 * - Neo4j: nodes labelled with the table name and SYSTEM_LABEL, never with GTNode, the
 *   label every domain query matches.
 *
 * Adding a table is one entry in SYSTEM_TABLES: a flat zod object (string, integer,
 * number, boolean, list of strings; optional means nullable) whose key column is `id`.
 * `npm run gen:cypher` then writes its schema and its queries into cypher/system/ and
 * cypher/schema/system.*.cypher; stores create the tables when they open.
 * Generated queries per table (kebab-case name, e.g. audit-entry):
 *   system/upsert-<table>  {rows: [...]}  creates or replaces rows by id (every column set)
 *   system/get-<table>     {id}           RETURN n
 *   system/delete-<table>  {id}
 *   system/all-<table>     {}             RETURN n ORDER BY n.id
 * Values that are not flat (a diff, a change request) are stored as JSON text.
 */

const isoTime = z.iso.datetime({ offset: true });

/** One committed change: who, when, why, from where, and the before/after diff. */
export const AuditEntryRow = z
  .object({
    id: z.string().min(1).describe('the change id, change:<uuid>'),
    seq: z.int().min(1).describe('commit order, for the feed and its paging'),
    at: isoTime,
    actorId: z.string().min(1),
    actorName: z.string().min(1),
    actorRole: z.string().min(1),
    actorOrganisation: z.string().optional(),
    reason: z.string().optional(),
    originKind: z.string().min(1).describe('seed, edit, import, seminar or revert'),
    originRef: z.string().optional().describe('e.g. the change a revert undoes, the seminar, the import file'),
    approvedBy: z.string().optional().describe('the editor who approved a partner editor change'),
    nodeIds: z.array(z.string()).describe('every node the diff touches, so the feed can be filtered by node'),
    planIds: z.array(z.string()).describe('the plans those nodes belong to, for the feed filter by plan'),
    diff: z.string().describe('the ChangeDiff as JSON'),
  })
  .strict();
export type AuditEntryRow = z.infer<typeof AuditEntryRow>;

/**
 * One node's part in one committed change: the provenance history of the node (who,
 * when, why, which change, what happened to it), kept per node so a node's history is
 * read without opening every diff it took part in.
 */
export const NodeChangeRow = z
  .object({
    id: z.string().min(1).describe('<change id>|<node id>'),
    changeId: z.string().min(1),
    nodeId: z.string().min(1),
    seq: z.int().min(1),
    at: isoTime,
    actorId: z.string().min(1),
    actorName: z.string().min(1),
    reason: z.string().optional(),
    originKind: z.string().min(1),
    originRef: z.string().optional(),
    action: z.enum(['created', 'updated', 'removed', 'linked', 'unlinked']),
    fields: z.string().describe('the fields that changed, [{field, before, after}] as JSON'),
    relationships: z.string().describe('links added or removed at this node, [{type, from, to, change}] as JSON'),
  })
  .strict();
export type NodeChangeRow = z.infer<typeof NodeChangeRow>;

/** A partner editor's change waiting for an editor: not applied until approved. */
export const PendingChangeRow = z
  .object({
    id: z.string().min(1).describe('pending:<uuid>'),
    submittedAt: isoTime,
    actorId: z.string().min(1),
    actorName: z.string().min(1),
    actorRole: z.string().min(1),
    actorOrganisation: z.string().optional(),
    status: z.enum(['pending', 'approved', 'rejected']),
    request: z.string().describe('the ChangeRequest as JSON'),
    diff: z.string().describe('the ChangeDiff planned when it was submitted, as JSON'),
    nodeIds: z.array(z.string()),
    decidedBy: z.string().optional(),
    decidedAt: isoTime.optional(),
    decisionNote: z.string().optional(),
    changeId: z.string().optional().describe('the committed change, once approved'),
  })
  .strict();
export type PendingChangeRow = z.infer<typeof PendingChangeRow>;

/** A numbered migration that has run on this store. */
export const MigrationRow = z
  .object({
    id: z.string().min(1).describe('the migration number as text, zero-padded: 0001'),
    migrationId: z.int().min(1),
    name: z.string().min(1),
    appliedAt: isoTime,
  })
  .strict();
export type MigrationRow = z.infer<typeof MigrationRow>;

/** An account. Its id is the username, folded to lower case: unique in both engines by the id constraint. */
export const UserRow = z
  .object({
    id: z.string().min(1).describe('the username, lower case'),
    name: z.string().min(1),
    role: z.string().min(1).describe('one of ROLES (model/roles.ts)'),
    organisationId: z.string().optional().describe("a partner editor's Organisation node id"),
    passwordHash: z.string().min(1).describe('argon2id, PHC string format'),
    createdAt: isoTime,
    updatedAt: isoTime,
    // Multi-factor authentication (server/auth/mfa.ts); absent in accounts from before migration 3 and in accounts without it.
    totpSecret: z.string().optional().describe('base32 TOTP secret: pending until totpEnabledAt is set'),
    totpEnabledAt: isoTime.optional().describe('when the account confirmed its authenticator app: from then on sign-in needs a code'),
    totpLastStep: z.int().optional().describe('the last TOTP time step accepted, so a code is never accepted twice'),
    recoveryCodeHashes: z.string().optional().describe('hex SHA-256 of each unused recovery code, as a JSON array'),
  })
  .strict();
export type UserRow = z.infer<typeof UserRow>;

/** A signed-in session, kept under the SHA-256 of its cookie token (never the token itself, nor the CSRF token derived from it). */
export const SessionRow = z
  .object({
    id: z.string().min(1).describe('hex SHA-256 of the cookie token'),
    username: z.string().min(1),
    createdAt: isoTime,
    expiresAt: isoTime,
    /** The last request seen, written at most every few minutes (server/auth/sessions.ts); absent in sessions from before migration 2. */
    lastSeenAt: isoTime.optional(),
    // Sessions begun through an OpenID provider, which may end them by back-channel logout (server/auth/oidc/backchannelLogout.ts); absent before migration 4.
    oidcProviderId: z.string().optional().describe('the configured provider the session was begun through'),
    oidcSid: z.string().optional().describe("the provider's session id (the sid claim of its ID token), when it sent one"),
  })
  .strict();
export type SessionRow = z.infer<typeof SessionRow>;

// ---------------------------------------------------------------- issue-13b: snapshots and named views

/** A named snapshot of the whole domain graph ("end of Q2 2010"): what it is, without the graph itself (so listing is cheap). */
export const SnapshotRow = z
  .object({
    id: z.string().min(1).describe('snapshot:<slug of the name>'),
    name: z.string().min(1),
    note: z.string().optional(),
    createdAt: isoTime,
    createdBy: z.string().min(1).describe("the actor's id"),
    createdByName: z.string().min(1),
    nodes: z.int().min(0),
    relationships: z.int().min(0),
  })
  .strict();
export type SnapshotRow = z.infer<typeof SnapshotRow>;

/** The frozen graph of a snapshot: the JSON export (server/export/exportJson.ts), gzipped and base64-encoded. */
export const SnapshotGraphRow = z
  .object({
    id: z.string().min(1).describe('the snapshot id'),
    graph: z.string().min(1).describe('base64 of the gzipped JSON export'),
  })
  .strict();
export type SnapshotGraphRow = z.infer<typeof SnapshotGraphRow>;

/** A named view of the map (positions, filters, styling, camera), shared by everyone on the server. */
export const NamedViewRow = z
  .object({
    id: z.string().min(1).describe('view:<uuid>'),
    name: z.string().min(1),
    nameKey: z.string().min(1).describe('the name folded to lower case: names are unique without regard to case'),
    view: z.string().min(1).describe('the NamedView as JSON (model/views.ts)'),
    createdAt: isoTime,
    createdBy: z.string().min(1),
    updatedAt: isoTime,
    updatedBy: z.string().min(1),
  })
  .strict();
export type NamedViewRow = z.infer<typeof NamedViewRow>;
// ---------------------------------------------------------------- issue-16: saved analyses

/**
 * An analyst's saved query, run by everyone from the gaps catalogue. Versioned like a
 * node (the version rises by one per committed change) and never removed: a delete
 * sets `deleted`, so that undoing it restores the very record.
 */
export const SavedAnalysisRow = z
  .object({
    id: z.string().min(1).describe('saved-<slug>-<hex>'),
    version: z.int().min(1),
    deleted: z.boolean(),
    title: z.string().min(1),
    explanation: z.string(),
    cypher: z.string().min(1).describe('the query in the dialect of the store it was saved on'),
    engine: z.string().min(1).describe('embedded or neo4j: the dialect of `cypher`'),
    parameters: z.string().describe('[{name, type}] as JSON'),
    createdBy: z.string().min(1),
    createdAt: isoTime,
    updatedBy: z.string().min(1),
    updatedAt: isoTime,
  })
  .strict();
export type SavedAnalysisRow = z.infer<typeof SavedAnalysisRow>;
// ---------------------------------------------------------------- issue-12-server: live seminars
// A running seminar survives a restart: its settings, follow state, log, proposals, votes
// and participants are all rows here (model/seminars.ts has the protocol they serve).

export const SeminarRow = z
  .object({
    id: z.string().min(1).describe('seminar:<uuid>'),
    code: z.string().min(1).describe('the join code, upper case'),
    title: z.string().min(1),
    status: z.enum(['running', 'ended']),
    facilitatorId: z.string().min(1),
    facilitatorName: z.string().min(1),
    startedAt: isoTime,
    endedAt: isoTime.optional(),
    view: z.string().describe('the SeminarView it started from, as JSON'),
    follow: z.string().describe('the latest FollowState, as JSON'),
    requireSignIn: z.boolean(),
    anonymousVotes: z.boolean(),
    dotsPerPerson: z.int().min(1),
    facilitatorTokenHash: z.string().min(1).describe('hex SHA-256 of the facilitator token'),
  })
  .strict();
export type SeminarRow = z.infer<typeof SeminarRow>;

/** One logged seminar event: replayed by seq to a client that reconnects. */
export const SeminarEventRow = z
  .object({
    id: z.string().min(1).describe('<seminar id>|<seq, zero-padded to 9>'),
    seminarId: z.string().min(1),
    seq: z.int().min(1),
    at: isoTime,
    type: z.string().min(1),
    body: z.string().describe('the SeminarEventBody as JSON'),
  })
  .strict();
export type SeminarEventRow = z.infer<typeof SeminarEventRow>;

export const SeminarParticipantRow = z
  .object({
    id: z.string().min(1).describe('participant:<uuid>'),
    seminarId: z.string().min(1),
    displayName: z.string().min(1),
    role: z.enum(['participant', 'facilitator']),
    username: z.string().optional().describe('the account, when signed in'),
    tokenHash: z.string().min(1).describe('hex SHA-256 of the participant token'),
    joinedAt: isoTime,
  })
  .strict();
export type SeminarParticipantRow = z.infer<typeof SeminarParticipantRow>;

export const ProposalRow = z
  .object({
    id: z.string().min(1).describe('proposal:<uuid>'),
    seminarId: z.string().min(1),
    kind: z.string().min(1),
    status: z.enum(['open', 'accepted', 'declined']),
    authorId: z.string().min(1),
    authorName: z.string().min(1),
    comment: z.string().min(1),
    nodeId: z.string().optional(),
    operations: z.string().describe('the ChangeOperation list as JSON'),
    diff: z.string().describe('the dry-run ChangeDiff as JSON'),
    createdAt: isoTime,
    decidedAt: isoTime.optional(),
    decidedBy: z.string().optional(),
    declineReason: z.string().optional(),
    changeId: z.string().optional(),
  })
  .strict();
export type ProposalRow = z.infer<typeof ProposalRow>;

/** A dot-voting round on gaps or outcomes. */
export const DotRoundRow = z
  .object({
    id: z.string().min(1).describe('round:<uuid>'),
    seminarId: z.string().min(1),
    title: z.string().min(1),
    status: z.enum(['open', 'closed']),
    targets: z.string().describe('[{id, label}] as JSON'),
    dotsPerPerson: z.int().min(1),
    anonymous: z.boolean(),
    openedAt: isoTime,
    endsAt: isoTime.optional(),
    closedAt: isoTime.optional(),
  })
  .strict();
export type DotRoundRow = z.infer<typeof DotRoundRow>;

/** One participant's vote: on a proposal (value 1 or -1), or their dots in a round (allocations as JSON). */
export const SeminarVoteRow = z
  .object({
    id: z.string().min(1).describe('<proposal or round id>|<participant id>'),
    seminarId: z.string().min(1),
    subjectId: z.string().min(1).describe('the proposal or round voted in'),
    participantId: z.string().min(1),
    value: z.int().describe('1 or -1 on a proposal; the dots used in a round'),
    allocations: z.string().optional().describe('[{targetId, dots}] as JSON, in a round'),
    at: isoTime,
  })
  .strict();
export type SeminarVoteRow = z.infer<typeof SeminarVoteRow>;

/** Every system table by name (PascalCase, as the engines label it). */
// ---------------------------------------------------------------- issue-15: sign-in through an organisation's identity provider

/**
 * Who an account is at an OpenID provider: the issuer and subject the provider vouches for,
 * never a name or an e-mail address it sends (those can be reused or chosen by the person).
 * Its id is the SHA-256 of issuer and subject, so one person at one provider is one account.
 */
export const OidcIdentityRow = z
  .object({
    id: z.string().min(1).describe('hex SHA-256 of issuer, a newline and subject'),
    issuer: z.string().min(1).describe("the provider's issuer URL, as in its ID tokens"),
    subject: z.string().min(1).describe("the sub claim: the provider's stable id of the person"),
    providerId: z.string().min(1).describe('the configured provider (GT_OIDC_PROVIDERS) that signed the person in first'),
    username: z.string().min(1).describe('the User row of this identity (oidc:<provider>:<hash>, never a local username)'),
    createdAt: isoTime,
    lastSignInAt: isoTime,
  })
  .strict();
export type OidcIdentityRow = z.infer<typeof OidcIdentityRow>;

/**
 * Failed sign-ins counted in a window (server/auth/loginLimits.ts), kept in the store so
 * that a restart does not forget them. Keyed by a hash of the limit and the username or
 * client address, so the table names no one.
 */
export const SignInFailureRow = z
  .object({
    id: z.string().min(1).describe('hex SHA-256 of the limit and its key (a username or a client address)'),
    hits: z.int().min(0).describe('failed attempts in the window'),
    resetAt: isoTime.describe('when the window ends and the count starts again'),
  })
  .strict();
export type SignInFailureRow = z.infer<typeof SignInFailureRow>;

export const SYSTEM_TABLES = {
  AuditEntry: AuditEntryRow,
  NodeChange: NodeChangeRow,
  PendingChange: PendingChangeRow,
  Migration: MigrationRow,
  User: UserRow,
  Session: SessionRow,
  Snapshot: SnapshotRow,
  SnapshotGraph: SnapshotGraphRow,
  NamedView: NamedViewRow,
  SavedAnalysis: SavedAnalysisRow,
  Seminar: SeminarRow,
  SeminarEvent: SeminarEventRow,
  SeminarParticipant: SeminarParticipantRow,
  Proposal: ProposalRow,
  DotRound: DotRoundRow,
  SeminarVote: SeminarVoteRow,
  OidcIdentity: OidcIdentityRow,
  SignInFailure: SignInFailureRow,
} as const satisfies Record<string, z.ZodObject>;

export type SystemTable = keyof typeof SYSTEM_TABLES;
export const SYSTEM_TABLE_NAMES = Object.keys(SYSTEM_TABLES) as SystemTable[];
export type SystemRowOf<T extends SystemTable> = z.infer<(typeof SYSTEM_TABLES)[T]>;

/** The Neo4j label every system node carries instead of GTNode. */
export const SYSTEM_LABEL = 'GTSystem';

export function systemTableColumns(table: SystemTable): Column[] {
  const cols = columnsOf(SYSTEM_TABLES[table]);
  if (!cols.some((c) => c.name === 'id' && c.type === 'STRING')) throw new Error(`system table ${table} needs a string id column`);
  return [cols.find((c) => c.name === 'id')!, ...cols.filter((c) => c.name !== 'id')];
}

/** Query names of the generated queries of a table. */
export function systemQueryName(verb: 'upsert' | 'get' | 'delete' | 'all', table: SystemTable): string {
  return `system/${verb}-${table.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`;
}
