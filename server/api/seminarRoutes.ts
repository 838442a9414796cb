import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { DeclineBody, EventsQuery, JoinBody, JoinCode, ProposalBody, ProposalId, RoundBody, RoundId, SeminarId, StartSeminarBody, SummaryQuery, VoteBody } from '../../model/seminars.js';
import type { Auth } from '../auth/auth.js';
import { csrfProtection, requireCapability, signInRequired } from '../auth/middleware.js';
import { seminarServiceFor } from '../seminars/index.js';
import { joinQrSvg } from '../seminars/qr.js';
import { eventOfRow } from '../seminars/room.js';
import type { Caller, SeminarService } from '../seminars/service.js';
import { DEFAULT_SEMINAR_SETTINGS, type SeminarSettings } from '../seminars/settings.js';
import { sendSummary } from '../seminars/summaryFormats.js';
import { buildSummary } from '../seminars/summary.js';
import { bearerToken } from '../seminars/tokens.js';
import type { GraphStore } from '../store/port.js';
import { HttpError } from './errors.js';
import { parseRequest } from './validateRequest.js';

/**
 * The seminar's HTTP side (issue 12 item 9), beside the live socket: scripts and tests
 * drive a seminar with it, and large state is read here rather than over the socket.
 *
 * Who is asking: a seminar token in `Authorization: Bearer` (a participant, or the
 * facilitator's token from the start answer), or the signed-in facilitator's session.
 * A request carrying a Bearer token is authorised by that token alone, never by the
 * cookie beside it, so it needs no CSRF token: a forged cross-site request cannot set
 * the header (no CORS is allowed). A request without one falls back to the session, and
 * the session's CSRF check applies to it as everywhere else.
 */

const IdParams = z.object({ id: SeminarId }).strict();
const ProposalParams = z.object({ id: SeminarId, pid: ProposalId }).strict();
const RoundParams = z.object({ id: SeminarId, rid: RoundId }).strict();
const CodeParams = z.object({ code: JoinCode }).strict();

const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;

export function seminarRoutes(store: GraphStore, auth: Pick<Auth, 'settings'>, settings: SeminarSettings = DEFAULT_SEMINAR_SETTINGS): Router {
  const router = Router();
  const service = seminarServiceFor(store, settings);

  // A Bearer request is CSRF-safe by construction; drop the cookie's identity so nothing below can use it.
  const bearerOrCsrf: RequestHandler = (req, res, next) => {
    if (!bearerToken(req.get('authorization'))) {
      csrfProtection(req, res, next);
      return;
    }
    delete req.actor;
    delete req.authSession;
    next();
  };
  router.use('/seminars', bearerOrCsrf);

  /** The caller on this seminar: its token's holder, or the signed-in facilitator; 401 / 403 otherwise. */
  async function callerOn(req: Request, seminarId: string): Promise<Caller> {
    const token = bearerToken(req.get('authorization'));
    if (token) {
      const caller = await service.caller(token);
      if (!caller) throw new HttpError(401, 'unknown_token', 'this seminar token is not known: join the seminar again');
      if (caller.room.id !== seminarId) throw new HttpError(403, 'forbidden', 'this token belongs to another seminar');
      return caller;
    }
    if (!req.actor) throw new HttpError(401, 'sign_in_required', 'send your seminar token (Authorization: Bearer) or sign in as the facilitator');
    const room = await service.room(seminarId);
    const facilitator = service.facilitatorFor(room, req.actor);
    if (!facilitator) throw new HttpError(403, 'forbidden', `only the seminar's facilitator (or an administrator) may do this without a seminar token`);
    return { room, participant: facilitator };
  }

  router.post('/seminars', requireCapability('runSeminar'), async (req, res) => {
    const body = parseRequest(StartSeminarBody, req.body ?? {}, 'body');
    res.status(201).json(await service.start(req.actor!, body, originOf(req)));
  });

  router.post('/seminars/:code/join', async (req, res) => {
    const { code } = parseRequest(CodeParams, req.params, 'path');
    const body = parseRequest(JoinBody, req.body ?? {}, 'body');
    const room = await service.roomByCode(code);
    if (service.signInRequired(room, auth.settings.anonymousRead) && !req.actor) throw signInRequired();
    res.status(201).json(await service.join(room, body.displayName, req.actor));
  });

  router.get('/seminars/:id/qr', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const room = await service.room(id);
    res.type('image/svg+xml').send(await joinQrSvg(`${originOf(req)}/?join=${room.row.code}`));
  });

  router.get('/seminars/:id/state', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const { room } = await callerOn(req, id);
    res.json(service.state(room, originOf(req), service.presence.of(room)));
  });

  router.get('/seminars/:id/events', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const q = parseRequest(EventsQuery, req.query, 'query');
    const { room } = await callerOn(req, id);
    const rows = await service.repo.eventsAfter(room.id, q.after, q.limit);
    res.json({ events: rows.map(eventOfRow), lastSeq: room.lastSeq });
  });

  router.post('/seminars/:id/proposals', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const caller = await callerOn(req, id);
    const body = parseRequest(ProposalBody, req.body ?? {}, 'body');
    res.status(201).json(await service.propose(caller, body));
  });

  router.post('/seminars/:id/proposals/:pid/accept', async (req, res) => {
    const { id, pid } = parseRequest(ProposalParams, req.params, 'path');
    parseRequest(z.object({}).strict(), req.body ?? {}, 'body');
    res.json(await service.accept(await callerOn(req, id), pid));
  });

  router.post('/seminars/:id/proposals/:pid/decline', async (req, res) => {
    const { id, pid } = parseRequest(ProposalParams, req.params, 'path');
    const caller = await callerOn(req, id);
    const body = parseRequest(DeclineBody, req.body ?? {}, 'body');
    const event = await service.decline(caller, pid, body.reason);
    res.json({ proposalId: pid, seq: event.seq });
  });

  router.post('/seminars/:id/votes', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const caller = await callerOn(req, id);
    res.json(await service.vote(caller, parseRequest(VoteBody, req.body ?? {}, 'body')));
  });

  router.post('/seminars/:id/rounds', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const caller = await callerOn(req, id);
    const event = await service.openRound(caller, parseRequest(RoundBody, req.body ?? {}, 'body'));
    res.status(201).json({ round: event.type === 'round-opened' ? event.round : null, seq: event.seq });
  });

  router.post('/seminars/:id/rounds/:rid/close', async (req, res) => {
    const { id, rid } = parseRequest(RoundParams, req.params, 'path');
    const event = await service.closeRound(await callerOn(req, id), rid);
    res.json({ roundId: rid, seq: event.seq, ranking: event.type === 'round-closed' ? event.ranking : [] });
  });

  router.post('/seminars/:id/end', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const caller = await callerOn(req, id);
    await service.end(caller);
    res.json(await buildSummary(service, caller.room, originOf(req)));
  });

  router.get('/seminars/:id/summary', async (req, res) => {
    const { id } = parseRequest(IdParams, req.params, 'path');
    const { format } = parseRequest(SummaryQuery, req.query, 'query');
    // Once a seminar has ended its record belongs to the plan's history: whoever may read the audit feed
    // (whose entries name the seminar) may read it. While it runs, only its participants and facilitator.
    const held = await service.room(id);
    const open = held.row.status === 'ended' && !bearerToken(req.get('authorization')) && (req.actor !== undefined || auth.settings.anonymousRead);
    const room = open ? held : (await callerOn(req, id)).room;
    await sendSummary(res, format, await buildSummary(service, room, originOf(req)));
  });

  return router;
}

export type { SeminarService };
