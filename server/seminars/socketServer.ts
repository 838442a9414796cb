import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { ZodError } from 'zod';
import { CLIENT_MESSAGES, SEMINAR_SOCKET_PATH, SocketAuth, type ClientMessageName, type ErrorBody, type ServerMessages } from '../../model/seminars.js';
import { errorBody, HttpError } from '../api/errors.js';
import { ValidationError } from '../graph/validationError.js';
import { eventOfRow, type SeminarRoom } from './room.js';
import { participantInfo, seminarInfo } from './records.js';
import { TokenBucket } from './rateLimit.js';
import type { Caller, SeminarService } from './service.js';
import { hardFrameLimit, type SeminarSettings } from './settings.js';

/**
 * The live channel: socket.io on the HTTP server, one socket.io room per seminar.
 * Connecting needs a seminar token (handshake auth, never a cookie); each client's
 * messages are size- and rate-limited and validated on their own, so a bad client is
 * refused without anyone else noticing. A reconnecting client gets exactly the logged
 * events it missed: socket.io's connection state recovery replays a short drop from
 * memory; otherwise (a long drop, a server restart) the store's log from its lastSeq.
 */

type SocketData = { seminarId: string; participantId: string; origin: string };
/** socket.io wants each server message as a listener signature. */
type Emits = { [K in keyof ServerMessages]: (payload: ServerMessages[K]) => void };
type Sock = Socket<Record<string, never>, Emits, Record<string, never>, SocketData>;

export type SeminarSockets = { io: Server; close(): Promise<void> };

const REPLAY_PAGE = 1000;
/** Presence is announced at most this often per seminar: a hundred phones joining at once send one list, not a hundred. */
const PRESENCE_EVERY_MS = 150;

export function attachSeminarSockets(http: HttpServer, service: SeminarService, settings: SeminarSettings): SeminarSockets {
  const io = new Server<Record<string, never>, Emits, Record<string, never>, SocketData>(http, {
    path: SEMINAR_SOCKET_PATH,
    serveClient: false,
    maxHttpBufferSize: hardFrameLimit(settings),
    // A phone that locks for a minute or two comes back without a store read.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  const presenceTimers = new Map<string, NodeJS.Timeout>();
  const announcePresence = (room: SeminarRoom) => {
    if (presenceTimers.has(room.id)) return;
    const t = setTimeout(() => {
      presenceTimers.delete(room.id);
      io.to(room.id).emit('presence', service.presence.of(room));
    }, PRESENCE_EVERY_MS);
    t.unref();
    presenceTimers.set(room.id, t);
  };

  const unlisten = service.listen({
    event: (room, event) => io.to(room.id).emit('event', event),
    follow: (room, state) => io.to(room.id).emit('follow', state),
    recall: (room, rev) => io.to(room.id).emit('recall', { rev }),
  });

  // Who may connect: a known token, while the server and the seminar have room.
  io.use(async (socket, next) => {
    try {
      if (io.engine.clientsCount > settings.maxConnections) return next(refusal('server_full', `this server takes at most ${settings.maxConnections} live connections`));
      const auth = SocketAuth.safeParse(socket.handshake.auth);
      if (!auth.success) return next(refusal('bad_auth', 'the handshake must carry {token, lastSeq}'));
      const caller = await service.caller(auth.data.token);
      if (!caller) return next(refusal('unknown_token', 'this seminar token is not known: join again'));
      if (service.presence.connections(caller.room.id) >= settings.maxConnectionsPerSeminar) {
        return next(refusal('seminar_full', `this seminar takes at most ${settings.maxConnectionsPerSeminar} live connections`));
      }
      const host = socket.handshake.headers.host ?? '127.0.0.1';
      socket.data = { seminarId: caller.room.id, participantId: caller.participant.id, origin: `http://${host}` };
      next();
    } catch (err) {
      next(refusal('unavailable', err instanceof Error ? err.message : 'could not check the token'));
    }
  });

  io.on('connection', (socket: Sock) => {
    void onConnection(socket).catch((err: unknown) => {
      console.error('seminar socket failed:', err);
      socket.disconnect(true);
    });
  });

  async function onConnection(socket: Sock): Promise<void> {
    const room = await service.room(socket.data.seminarId);
    const participant = room.participants.get(socket.data.participantId)!;
    const caller: Caller = { room, participant };
    service.presence.add(room.id, participant.id);
    socket.on('disconnect', () => {
      service.presence.remove(room.id, participant.id);
      announcePresence(room);
    });
    guard(socket, caller);
    announcePresence(room);
    const lastSeq = Math.min(SocketAuth.parse(socket.handshake.auth).lastSeq, room.lastSeq);
    socket.emit('welcome', { you: participantInfo(participant), seminar: seminarInfo(room.row, socket.data.origin), follow: room.follow, presence: service.presence.of(room), lastSeq: room.lastSeq });
    // Recovered and still in the room: socket.io has already sent what was missed.
    if (socket.recovered && socket.rooms.has(room.id)) return;
    const followRev = room.follow.rev;
    await catchUp(socket, room, lastSeq);
    if (room.follow.rev !== followRev) socket.emit('follow', room.follow);
  }

  /**
   * Sends the logged events after `from` from the store, then joins the room: the join
   * happens in the same tick as the check that nothing newer has been announced, so
   * every event reaches this socket exactly once (from the store or from the room).
   */
  async function catchUp(socket: Sock, room: SeminarRoom, from: number): Promise<void> {
    let sent = from;
    for (;;) {
      if (socket.disconnected) return;
      if (sent === room.lastSeq) {
        // The default in-memory adapter joins at once; join() returns a promise only with other adapters.
        void socket.join(room.id);
        return;
      }
      if (sent > room.lastSeq) {
        // Read an event the store committed a moment before the room announced it: wait for the announcement.
        await new Promise((r) => setImmediate(r));
        continue;
      }
      const rows = await service.repo.eventsAfter(room.id, sent, REPLAY_PAGE);
      for (const row of rows) {
        if (row.seq !== sent + 1) throw new Error(`the log of ${room.id} skips from ${sent} to ${row.seq}`);
        socket.emit('event', eventOfRow(row));
        sent = row.seq;
      }
      if (!rows.length) await new Promise((r) => setImmediate(r));
    }
  }

  /** Size, rate and schema, per client; then the message runs and its ack answers. */
  function guard(socket: Sock, caller: Caller): void {
    const bucket = new TokenBucket(settings.ratePerSecond, settings.rateBurst);
    let overRate = 0;
    const refuse = (event: string, error: ErrorBody, ack: unknown) => {
      socket.emit('refused', { ...error, event });
      if (typeof ack === 'function') (ack as (answer: unknown) => void)({ ok: false, error });
    };
    socket.use(([event, ...args], next) => {
      const ack: unknown = args.at(-1);
      if (!bucket.take()) {
        overRate++;
        refuse(event, { status: 429, code: 'rate_limited', message: `at most ${settings.ratePerSecond} messages a second`, issues: [] }, ack);
        if (overRate >= settings.floodDisconnectAfter) socket.disconnect(true);
        return;
      }
      overRate = 0;
      const payload = typeof ack === 'function' ? args.slice(0, -1) : args;
      const size = Buffer.byteLength(JSON.stringify(payload) ?? '');
      if (size > settings.maxMessageBytes) {
        return refuse(event, { status: 413, code: 'too_large', message: `the message is ${size} bytes; at most ${settings.maxMessageBytes}`, issues: [] }, ack);
      }
      if (!(event in CLIENT_MESSAGES)) {
        return refuse(
          event,
          {
            status: 400,
            code: 'unknown_message',
            message: `no message named ${String(event).slice(0, 60)}`,
            issues: [{ field: 'event', reason: `must be one of ${Object.keys(CLIENT_MESSAGES).join(', ')}` }],
          },
          ack,
        );
      }
      if (payload.length > 1) return refuse(event, { status: 400, code: 'bad_request', message: 'send one payload object (and an ack)', issues: [] }, ack);
      next();
    });
    for (const name of Object.keys(CLIENT_MESSAGES) as ClientMessageName[]) {
      socket.on(
        name as never,
        (async (payload: unknown, ack?: unknown) => {
          try {
            const answer = await run(caller, name, payload ?? {});
            if (typeof ack === 'function') (ack as (answer: unknown) => void)({ ok: true, ...answer });
          } catch (err) {
            refuse(name, asErrorBody(err), ack);
          }
        }) as never,
      );
    }
  }

  async function run(caller: Caller, name: ClientMessageName, payload: unknown): Promise<Record<string, unknown>> {
    const { schema, facilitatorOnly } = CLIENT_MESSAGES[name];
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    if (facilitatorOnly && caller.participant.role !== 'facilitator') throw new HttpError(403, 'forbidden', 'only the facilitator may do this');
    const msg = parsed.data as Record<string, unknown>;
    switch (name) {
      case 'follow':
        return { rev: service.follow(caller, msg).rev };
      case 'lock':
        return { rev: service.lock(caller, msg.locked as boolean).rev };
      case 'recall':
        return { rev: service.recall(caller) };
      case 'propose':
        return service.propose(caller, msg);
      case 'vote':
        return service.vote(caller, msg);
      case 'accept':
        return service.accept(caller, msg.proposalId as string);
      case 'decline':
        return { seq: (await service.decline(caller, msg.proposalId as string, msg.reason as string)).seq };
      case 'open-round': {
        const event = await service.openRound(caller, msg);
        return { seq: event.seq, roundId: event.type === 'round-opened' ? event.round.id : null };
      }
      case 'close-round':
        return { seq: (await service.closeRound(caller, msg.roundId as string)).seq };
      case 'end':
        return { seq: (await service.end(caller)).seq };
    }
  }

  return {
    io,
    /** Disconnects every client and stops listening; the HTTP server is left to its owner (io.close() would close it mid-request). Safe twice. */
    async close() {
      unlisten();
      for (const t of presenceTimers.values()) clearTimeout(t);
      presenceTimers.clear();
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}

function refusal(code: string, message: string): Error {
  return Object.assign(new Error(message), { data: { code } });
}

function zodIssues(err: ZodError): { field: string; reason: string }[] {
  return err.issues.map((i) => ({
    field: i.path.filter((p) => typeof p !== 'symbol').join('.') || 'payload',
    reason: i.code === 'unrecognized_keys' ? `unknown field(s): ${i.keys.join(', ')}` : i.message,
  }));
}

function asErrorBody(err: unknown): ErrorBody {
  if (err instanceof ZodError) return { status: 400, code: 'bad_request', message: 'the message is malformed', issues: zodIssues(err) };
  const { error } = errorBody(err);
  return { status: error.status, code: error.code, message: error.message, issues: error.issues ?? [] };
}
