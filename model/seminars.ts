import { z } from 'zod';
import { ChangeOperation, MAX_OPERATIONS, type ChangeDiff } from './changes.js';
import { NodeId } from './ids.js';
import { NodeKindSchema } from './nodes.js';

/**
 * Live partnership seminars: the protocol between the server (server/seminars/) and the
 * presenter and participant views, over HTTP and over a socket.io connection. Every
 * message either way is one of the schemas below; the server validates everything it
 * receives with them and refuses the rest to its sender alone.
 *
 * The flow
 * - Start: a facilitator (signed in, role with `runSeminar`) POSTs /api/seminars with the
 *   current map (filters, layout, named view). The answer: the seminar id, its join code,
 *   the join URL (`<origin>/?join=<CODE>`), the QR code's URL (GET /api/seminars/:id/qr,
 *   SVG) and a facilitator token.
 * - Join: a participant POSTs /api/seminars/:code/join {displayName} (a signed-in account
 *   when the seminar or the server requires it) and gets a participant token. Every later
 *   HTTP call carries it as `Authorization: Bearer <token>`; the socket sends it in the
 *   handshake's `auth` (never a cookie, so no other site can ride on it: no CSRF token is
 *   needed with a Bearer token, and none is accepted in its place).
 * - Connect: `io(origin, { path: SEMINAR_SOCKET_PATH, auth: (cb) => cb({ token, lastSeq }) })`.
 *   The auth function runs again on every reconnection: send the seq of the last `event`
 *   you applied (0 at first). The server answers `welcome` (who you are, the seminar, the
 *   follow state, presence, the log's last seq), then sends every logged event after
 *   your lastSeq from the store, in order, then the live ones: each exactly once, seq
 *   rising by one. Large state (all proposals, rounds, tallies) is read over HTTP:
 *   GET /api/seminars/:id/state, whose `lastSeq` says where its picture stands.
 * - Follow: the facilitator sends `follow` (viewport in graph coordinates as the URL's
 *   cam=x,y,w,h, filters, selection, thread highlight); everyone receives `follow` with a
 *   rising `rev`. A participant who pans leaves follow mode on their own device (the server
 *   does not track that); `recall` asks every device to follow again; `lock` (true)
 *   means devices must follow until it is released. Follow moves are not logged events:
 *   only the latest state matters, and `welcome` carries it.
 * - Propose: `propose` {kind, operations, comment}; the server dry-runs the operations
 *   through the change pipeline and logs `proposal-submitted` with the exact diff.
 * - Vote: `vote` {proposalId, value: 1 | -1 | 0} on a proposal, or
 *   `dots` {roundId, allocations} in a dot-voting round the facilitator opened with
 *   `open-round` (targets: gaps or outcomes, dots per person, anonymous or not, a timer).
 *   Each vote logs a `tally` event with the live ranking (voters named only when the
 *   round or the seminar is not anonymous).
 * - Accept: the facilitator's `accept` {proposalId} commits the proposal's operations
 *   through the change pipeline, attributed to the participant, origin
 *   {kind:'seminar', ref: seminarId}; `proposal-accepted` carries the change id and its
 *   committed diff. `decline` {proposalId, reason} logs `proposal-declined`.
 * - End: `end` (or POST /api/seminars/:id/end) logs `seminar-ended`; the summary is at
 *   GET /api/seminars/:id/summary?format=json|md|csv|docx.
 * - Every client->server message takes an acknowledgement callback answered with
 *   `Ack`: {ok:true, ...} or {ok:false, error}. A message that cannot be parsed, is too
 *   big or comes too fast is refused to its sender (`refused`, and the ack if any);
 *   a client that keeps flooding is disconnected. Nobody else notices.
 * - Refused connections arrive as `connect_error` with `err.data.code`: `unknown_token`
 *   (join again), `seminar_full` / `server_full` (socket.io-client does not retry these by
 *   itself: call socket.connect() again after a pause), `bad_auth` (a malformed handshake).
 */

/** The socket.io endpoint's path (under /api, so every proxy in front of the API carries it). */
export const SEMINAR_SOCKET_PATH = '/api/seminars/socket';

// ---------------------------------------------------------------- ids and shared pieces

export const SeminarId = z.string().regex(/^seminar:[0-9a-f-]{36}$/, 'must be a seminar id (seminar:<uuid>)');
export const ProposalId = z.string().regex(/^proposal:[0-9a-f-]{36}$/, 'must be a proposal id (proposal:<uuid>)');
export const ParticipantId = z.string().regex(/^participant:[0-9a-f-]{36}$/, 'must be a participant id (participant:<uuid>)');
export const RoundId = z.string().regex(/^round:[0-9a-f-]{36}$/, 'must be a round id (round:<uuid>)');

/** Join codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L), read aloud from a projector. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`), 'must be the 6-character join code shown on the projector');

export const DisplayName = z.string().trim().min(1, 'must not be empty').max(60, 'must be at most 60 characters');
const isoTime = z.iso.datetime({ offset: true });
const shortText = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The camera in graph coordinates, as the explorer's URL carries it (cam=x,y,w,h: centre and size of the area shown). */
export const Viewport = z
  .object({
    x: z.number().finite(),
    y: z.number().finite(),
    w: z.number().finite().positive('must be more than 0'),
    h: z.number().finite().positive('must be more than 0'),
  })
  .strict();
export type Viewport = z.infer<typeof Viewport>;

/** The explorer's map filters (client/state/types.ts Filters). */
export const MapFilters = z
  .object({
    plan: NodeId.nullable(),
    organisation: NodeId.nullable(),
    framework: z.string().max(40).nullable(),
    statuses: z.array(z.string().max(40)).max(20),
    yearBand: z.string().max(40).nullable(),
    kinds: z.array(NodeKindSchema).max(40),
  })
  .strict();
export type MapFilters = z.infer<typeof MapFilters>;

/** What the seminar's map starts from: the facilitator's map when they started it. */
export const SeminarView = z
  .object({
    /** null: the explorer's default filters. */
    filters: MapFilters.nullable().default(null),
    layout: z.enum(['layered', 'force']).default('layered'),
    namedView: z.string().max(200).nullable().default(null),
  })
  .strict();
export type SeminarView = z.infer<typeof SeminarView>;

/** What every device follows. `rev` rises by one with every change the facilitator sends. */
export const FollowState = z
  .object({
    rev: z.int().min(0),
    viewport: Viewport.nullable(),
    /** null: the explorer's default filters. */
    filters: MapFilters.nullable(),
    selection: NodeId.nullable(),
    /** The node whose golden thread is lit up (null: none). */
    thread: NodeId.nullable(),
    /** Devices must follow while locked (a moment of attention). */
    locked: z.boolean(),
  })
  .strict();
export type FollowState = z.infer<typeof FollowState>;

// ---------------------------------------------------------------- records

export const SEMINAR_STATUSES = ['running', 'ended'] as const;
export const PROPOSAL_KINDS = ['link', 'action', 'lead', 'correction', 'comment'] as const;
export const PROPOSAL_STATUSES = ['open', 'accepted', 'declined'] as const;
export const ROUND_STATUSES = ['open', 'closed'] as const;

export const SeminarInfo = z.object({
  id: SeminarId,
  code: JoinCode,
  title: z.string(),
  status: z.enum(SEMINAR_STATUSES),
  facilitator: z.object({ id: z.string(), name: z.string() }),
  startedAt: isoTime,
  endedAt: isoTime.nullable(),
  view: SeminarView,
  requireSignIn: z.boolean(),
  anonymousVotes: z.boolean(),
  dotsPerPerson: z.int().min(1),
  joinUrl: z.string(),
});
export type SeminarInfo = z.infer<typeof SeminarInfo>;

export const ParticipantInfo = z.object({
  id: ParticipantId,
  displayName: z.string(),
  role: z.enum(['participant', 'facilitator']),
  /** The account, when signed in. */
  username: z.string().nullable(),
  joinedAt: isoTime,
});
export type ParticipantInfo = z.infer<typeof ParticipantInfo>;

export const Presence = z.object({
  count: z.int().min(0),
  present: z.array(z.object({ id: ParticipantId, displayName: z.string(), role: z.enum(['participant', 'facilitator']) })),
});
export type Presence = z.infer<typeof Presence>;

export type ProposalInfo = {
  id: string;
  seminarId: string;
  kind: (typeof PROPOSAL_KINDS)[number];
  status: (typeof PROPOSAL_STATUSES)[number];
  author: { id: string; displayName: string };
  comment: string;
  operations: z.infer<typeof ChangeOperation>[];
  /** The dry run's diff when proposed (a comment with no operations has an empty one). */
  diff: ChangeDiff;
  createdAt: string;
  decidedAt: string | null;
  declineReason: string | null;
  /** The committed change, once accepted. */
  changeId: string | null;
  votes: { up: number; down: number };
};

export type DotRoundInfo = {
  id: string;
  title: string;
  status: (typeof ROUND_STATUSES)[number];
  targets: { id: string; label: string }[];
  dotsPerPerson: number;
  anonymous: boolean;
  openedAt: string;
  /** The timer: when the round closes by itself (null: until the facilitator closes it). */
  endsAt: string | null;
  closedAt: string | null;
};

/** One line of a live ranking, highest first. `voters` is left out when votes are anonymous. */
export type RankingEntry = { targetId: string; label: string; score: number; voters?: string[] };

// ---------------------------------------------------------------- the event log (server -> client, logged, with seq)

/** Every logged event: `seq` starts at 1 per seminar and rises by exactly one. */
export type SeminarEvent = { seq: number; at: string; seminarId: string } & SeminarEventBody;

export type SeminarEventBody =
  | { type: 'participant-joined'; participant: ParticipantInfo }
  | { type: 'proposal-submitted'; proposal: ProposalInfo }
  /** changeId null: a comment (no operations) accepted as a decision, nothing committed. */
  | { type: 'proposal-accepted'; proposalId: string; changeId: string | null; diff: ChangeDiff; acceptedBy: string }
  | { type: 'proposal-declined'; proposalId: string; reason: string; declinedBy: string }
  | { type: 'tally'; target: { proposalId: string } | { roundId: string }; ranking: RankingEntry[] }
  | { type: 'round-opened'; round: DotRoundInfo }
  | { type: 'round-closed'; roundId: string; ranking: RankingEntry[] }
  | { type: 'seminar-ended'; endedAt: string; summaryUrl: string };
export type SeminarEventType = SeminarEventBody['type'];

// ---------------------------------------------------------------- client -> server socket messages

export const ProposeMessage = z
  .object({
    kind: z.enum(PROPOSAL_KINDS),
    /** The change pipeline's operations; empty only for a comment. */
    operations: z.array(ChangeOperation).max(MAX_OPERATIONS, `must hold at most ${MAX_OPERATIONS} operations`).default([]),
    comment: shortText(2000),
    /** The node a comment is about. */
    nodeId: NodeId.optional(),
  })
  .strict()
  .refine((p) => p.kind === 'comment' || p.operations.length > 0, { message: 'must hold at least one operation (only a comment may have none)', path: ['operations'] })
  .refine((p) => p.kind !== 'comment' || p.operations.length > 0 || p.nodeId !== undefined, { message: 'a comment with no operations must name the node it is about', path: ['nodeId'] });
export type ProposeMessage = z.infer<typeof ProposeMessage>;

export const ProposalVoteMessage = z.object({ proposalId: ProposalId, value: z.union([z.literal(1), z.literal(-1), z.literal(0)]) }).strict();
export const DotsMessage = z
  .object({
    roundId: RoundId,
    /** The whole of this participant's allocation in the round (replaces the previous one). */
    allocations: z.array(z.object({ targetId: z.string().min(1).max(200), dots: z.int().min(1).max(100) }).strict()).max(100),
  })
  .strict();
export const VoteMessage = z.union([ProposalVoteMessage, DotsMessage]);
export type VoteMessage = z.infer<typeof VoteMessage>;

/** The facilitator moves the room: any subset; what is left out stays as it was. */
export const FollowMessage = z
  .object({
    viewport: Viewport.nullable().optional(),
    filters: MapFilters.nullable().optional(),
    selection: NodeId.nullable().optional(),
    thread: NodeId.nullable().optional(),
  })
  .strict();
export type FollowMessage = z.infer<typeof FollowMessage>;

export const LockMessage = z.object({ locked: z.boolean() }).strict();
export const AcceptMessage = z.object({ proposalId: ProposalId }).strict();
export const DeclineMessage = z.object({ proposalId: ProposalId, reason: shortText(2000) }).strict();
export const OpenRoundMessage = z
  .object({
    title: shortText(200),
    /** Gaps (analysis ids) or outcomes (node ids), with the label shown. */
    targets: z
      .array(z.object({ id: z.string().min(1).max(200), label: shortText(200) }).strict())
      .min(2, 'must offer at least two targets')
      .max(50),
    dotsPerPerson: z.int().min(1).max(20).optional(),
    anonymous: z.boolean().optional(),
    /** The timer; left out: open until closed. */
    durationSeconds: z.int().min(10).max(3600).optional(),
  })
  .strict();
export type OpenRoundMessage = z.infer<typeof OpenRoundMessage>;
export const CloseRoundMessage = z.object({ roundId: RoundId }).strict();
export const EmptyMessage = z.object({}).strict();

/** Every client -> server event name and its payload's schema; who may send it. */
export const CLIENT_MESSAGES = {
  follow: { schema: FollowMessage, facilitatorOnly: true },
  recall: { schema: EmptyMessage, facilitatorOnly: true },
  lock: { schema: LockMessage, facilitatorOnly: true },
  propose: { schema: ProposeMessage, facilitatorOnly: false },
  vote: { schema: VoteMessage, facilitatorOnly: false },
  accept: { schema: AcceptMessage, facilitatorOnly: true },
  decline: { schema: DeclineMessage, facilitatorOnly: true },
  'open-round': { schema: OpenRoundMessage, facilitatorOnly: true },
  'close-round': { schema: CloseRoundMessage, facilitatorOnly: true },
  end: { schema: EmptyMessage, facilitatorOnly: true },
} as const;
export type ClientMessageName = keyof typeof CLIENT_MESSAGES;

/** The socket handshake's `auth`. */
export const SocketAuth = z
  .object({
    token: z.string().min(20).max(200),
    lastSeq: z.int().min(0).default(0),
    /** Added by socket.io-client itself on a reconnection, for connection state recovery. */
    pid: z.string().max(100).optional(),
    offset: z.string().max(100).optional(),
  })
  .strict();
export type SocketAuth = z.infer<typeof SocketAuth>;

export type ErrorBody = { status: number; code: string; message: string; issues: { field: string; reason: string }[] };
/** The answer to every client message's acknowledgement callback. */
export type Ack<T = Record<string, unknown>> = ({ ok: true } & T) | { ok: false; error: ErrorBody };

// ---------------------------------------------------------------- server -> client socket messages

export type ServerMessages = {
  /** First message after connecting (and after each reconnection). */
  welcome: { you: ParticipantInfo; seminar: SeminarInfo; follow: FollowState; presence: Presence; lastSeq: number };
  /** A logged event (replayed from the store on reconnection, then live). */
  event: SeminarEvent;
  follow: FollowState;
  /** Everyone back to the facilitator's view. */
  recall: { rev: number };
  presence: Presence;
  /** A message of yours was refused (the ack carries the same error when you sent one). */
  refused: ErrorBody & { event: string };
};

// ---------------------------------------------------------------- HTTP (item 9)

export const StartSeminarBody = z
  .object({
    title: shortText(200),
    view: SeminarView.optional(),
    /** Participants must sign in (on top of the server's GT_SEMINAR_REQUIRE_SIGN_IN). */
    requireSignIn: z.boolean().optional(),
    anonymousVotes: z.boolean().default(false),
    dotsPerPerson: z.int().min(1).max(20).default(3),
  })
  .strict();
export type StartSeminarBody = z.infer<typeof StartSeminarBody>;
export type StartSeminarAnswer = { id: string; code: string; joinUrl: string; qrUrl: string; facilitatorToken: string; seminar: SeminarInfo };

export const JoinBody = z.object({ displayName: DisplayName }).strict();
export type JoinAnswer = { seminarId: string; participant: ParticipantInfo; token: string };

export const ProposalBody = z
  .object({
    kind: z.enum(PROPOSAL_KINDS).default('correction'),
    operations: z.array(ChangeOperation).max(MAX_OPERATIONS, `must hold at most ${MAX_OPERATIONS} operations`).default([]),
    comment: shortText(2000),
    nodeId: NodeId.optional(),
  })
  .strict();
export type ProposalAnswer = { proposalId: string; diff: ChangeDiff; seq: number };

export const DeclineBody = z.object({ reason: shortText(2000) }).strict();
export type AcceptAnswer = { proposalId: string; changeId: string | null; diff: ChangeDiff; seq: number };

export const VoteBody = VoteMessage;
export type VoteAnswer = { ranking: RankingEntry[]; seq: number };

export const RoundBody = OpenRoundMessage;

export const EventsQuery = z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(1000) }).strict();

export const SUMMARY_FORMATS = ['json', 'md', 'csv', 'docx'] as const;
export const SummaryQuery = z.object({ format: z.enum(SUMMARY_FORMATS).default('json') }).strict();

/** GET /api/seminars/:id/state: the large picture, over HTTP. */
export type SeminarState = {
  seminar: SeminarInfo;
  follow: FollowState;
  presence: Presence;
  proposals: ProposalInfo[];
  rounds: (DotRoundInfo & { ranking: RankingEntry[] })[];
  /** The log's last seq this picture includes: connect with it as lastSeq. */
  lastSeq: number;
};

/** The seminar's record, produced when it ends (and readable while it runs). */
export type SeminarSummary = {
  seminar: SeminarInfo;
  decisions: { proposalId: string; decision: 'accepted' | 'declined'; at: string; by: string; comment: string; author: string }[];
  accepted: { proposalId: string; changeId: string | null; author: string; comment: string; diff: ChangeDiff }[];
  declined: { proposalId: string; author: string; comment: string; reason: string }[];
  open: { proposalId: string; author: string; comment: string }[];
  proposalVotes: { proposalId: string; comment: string; up: number; down: number }[];
  rounds: { roundId: string; title: string; ranking: RankingEntry[] }[];
  attendance: { displayName: string; role: string; joinedAt: string; username: string | null }[];
};
