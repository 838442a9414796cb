import { z } from 'zod';
import { DeclineBody, EventsQuery, JoinBody, ProposalBody, RoundBody, SEMINAR_SOCKET_PATH, StartSeminarBody, SummaryQuery, VoteBody } from '../../model/seminars.js';
import { errorResponse, ok, queryParams } from './openApi.js';

/** The OpenAPI paths of live seminars (server/api/seminarRoutes.ts), from the schemas the routes validate with. */

const json = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
const path = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } }) as const;
const id = path('id', 'the seminar id, seminar:<uuid>');
const pid = path('pid', 'the proposal id, proposal:<uuid>');
const rid = path('rid', 'the dot round id, round:<uuid>');
const who = 'Authorization: Bearer <seminar token> (a participant, or the facilitator token), or the signed-in facilitator (with x-csrf-token)';
const facilitatorOnly = `Facilitator only: ${who}.`;

export function seminarPaths() {
  // Built here, not at module level: openApi.ts imports this file, so its helpers exist only once both have loaded.
  const auth = {
    401: errorResponse('no seminar token and not signed in, or an unknown token'),
    403: errorResponse('a token of another seminar, or a participant doing what only the facilitator may'),
    404: errorResponse('no such seminar (or proposal, round), named'),
  };
  return {
    '/api/seminars': {
      post: {
        summary: `Starts a seminar from the current map (filters, layout, named view). Needs the runSeminar capability (facilitator, administrator). Answers the join code, the join URL, the QR code's URL and the facilitator token; the live channel is socket.io at ${SEMINAR_SOCKET_PATH} (model/seminars.ts documents every message).`,
        requestBody: json(StartSeminarBody),
        responses: {
          201: ok('id, code, joinUrl, qrUrl, facilitatorToken, seminar'),
          400: errorResponse('a bad field, named'),
          401: errorResponse('not signed in'),
          403: errorResponse('a role without runSeminar'),
        },
      },
    },
    '/api/seminars/{code}/join': {
      post: {
        summary:
          'Joins a running seminar by its join code with a display name, without an account (unless the seminar, GT_SEMINAR_REQUIRE_SIGN_IN or GT_ANONYMOUS_READ=false requires one). Answers the participant token: send it as Authorization: Bearer, and in the socket handshake auth.',
        parameters: [path('code', 'the 6-character join code (any case)')],
        requestBody: json(JoinBody),
        responses: {
          201: ok('seminarId, participant, token'),
          400: errorResponse('a bad code or display name, named'),
          401: errorResponse('this seminar needs a signed-in account'),
          404: errorResponse('no running seminar has this code'),
        },
      },
    },
    '/api/seminars/{id}/qr': {
      get: {
        summary: 'The join URL as a QR code (SVG), for the projector',
        parameters: [id],
        responses: { 200: { description: 'SVG', content: { 'image/svg+xml': { schema: { type: 'string' } } } }, 404: errorResponse('no such seminar') },
      },
    },
    '/api/seminars/{id}/state': {
      get: {
        summary: `The whole picture (seminar, follow state, presence, proposals with votes, dot rounds with rankings) and the log seq it stands at: large state comes over HTTP, not the socket. ${who}.`,
        parameters: [id],
        responses: { 200: ok('SeminarState'), ...auth },
      },
    },
    '/api/seminars/{id}/events': {
      get: {
        summary: `The seminar's logged events after a seq, in order (what a reconnecting device receives over the socket). ${who}.`,
        parameters: [id, ...queryParams(EventsQuery)],
        responses: { 200: ok('events and lastSeq'), 400: errorResponse('a bad parameter, named'), ...auth },
      },
    },
    '/api/seminars/{id}/proposals': {
      post: {
        summary: `Proposes a change (operations in the change pipeline's format) or a comment; the answer carries the proposal id and its dry-run diff, nothing is written to the graph. ${who}.`,
        parameters: [id],
        requestBody: json(ProposalBody),
        responses: {
          201: ok('proposalId, diff, seq'),
          400: errorResponse('a malformed field or operation, named by its path (operations.0.set.timescale)'),
          409: errorResponse('the seminar has ended'),
          ...auth,
        },
      },
    },
    '/api/seminars/{id}/proposals/{pid}/accept': {
      post: {
        summary: `Commits the proposal through the change pipeline as the proposer's change, origin {kind: seminar, ref: the seminar id}, with its audit entry. ${facilitatorOnly}`,
        parameters: [id, pid],
        responses: { 200: ok('proposalId, changeId, committed diff, seq'), 409: errorResponse('already decided, stale (error.current), nothing left to change, or the seminar has ended'), ...auth },
      },
    },
    '/api/seminars/{id}/proposals/{pid}/decline': {
      post: {
        summary: `Declines the proposal with a reason, for the record. ${facilitatorOnly}`,
        parameters: [id, pid],
        requestBody: json(DeclineBody),
        responses: { 200: ok('proposalId, seq'), 400: errorResponse('no reason'), 409: errorResponse('already decided'), ...auth },
      },
    },
    '/api/seminars/{id}/votes': {
      post: {
        summary: `A vote on a proposal {proposalId, value: 1 | -1 | 0}, or this participant's dots in a round {roundId, allocations: [{targetId, dots}]} (replacing their earlier ones). Answers the live ranking. ${who}.`,
        parameters: [id],
        requestBody: json(VoteBody),
        responses: {
          200: ok('ranking, seq'),
          400: errorResponse('a bad field, more dots than allowed, or a target not in the round, named'),
          409: errorResponse('the proposal is decided, or the round closed'),
          ...auth,
        },
      },
    },
    '/api/seminars/{id}/rounds': {
      post: {
        summary: `Opens a dot-voting round on gaps or outcomes: dots per person, anonymous or not, a timer. ${facilitatorOnly}`,
        parameters: [id],
        requestBody: json(RoundBody),
        responses: { 201: ok('round, seq'), 400: errorResponse('a bad field, named'), ...auth },
      },
    },
    '/api/seminars/{id}/rounds/{rid}/close': {
      post: {
        summary: `Closes a dot round before its timer. ${facilitatorOnly}`,
        parameters: [id, rid],
        responses: { 200: ok('roundId, seq, final ranking'), 409: errorResponse('already closed'), ...auth },
      },
    },
    '/api/seminars/{id}/end': {
      post: {
        summary: `Ends the seminar (open rounds close) and answers its summary. ${facilitatorOnly}`,
        parameters: [id],
        responses: { 200: ok('the summary'), 409: errorResponse('already ended'), ...auth },
      },
    },
    '/api/seminars/{id}/summary': {
      get: {
        summary: `The seminar's record: decisions, accepted changes with their diffs (from the audit log), declined proposals with reasons, vote rankings, attendance. JSON, Markdown, CSV or DOCX. While the seminar runs: ${who.charAt(0).toLowerCase()}${who.slice(1)}; once it has ended, whoever may read the audit feed (its entries name the seminar in origin.ref).`,
        parameters: [id, ...queryParams(SummaryQuery)],
        responses: { 200: ok('the summary (text/markdown, text/csv and DOCX as attachments)'), 400: errorResponse('an unknown format'), ...auth },
      },
    },
  };
}
