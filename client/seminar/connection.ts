import { io, type Socket } from 'socket.io-client';
import { FollowState, Presence, SEMINAR_SOCKET_PATH, type Ack, type ClientMessageName, type ErrorBody, type SeminarEvent, type ServerMessages } from '../../model/seminars.js';

/**
 * The live channel: one socket.io connection carrying this device's token. On every
 * (re)connection the handshake sends the seq of the last event applied, so the server
 * replays exactly what was missed; socket.io's own reconnection brings the phone back
 * after flaky Wi-Fi or a locked screen, with no page reload. Follow and presence
 * messages are validated here with the protocol's schemas; logged events are checked by
 * their seq in room.ts.
 */

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'refused' | 'closed';

export type ConnectionHandlers = {
  welcome(m: ServerMessages['welcome']): void;
  event(e: SeminarEvent): void;
  follow(f: FollowState): void;
  recall(): void;
  presence(p: Presence): void;
  refused(m: ServerMessages['refused']): void;
  status(s: ConnectionStatus, detail?: string): void;
};

export type Connection = {
  send<T = Record<string, unknown>>(name: ClientMessageName, payload: unknown): Promise<Ack<T>>;
  readonly status: ConnectionStatus;
  close(): void;
};

export function connect(token: string, lastSeq: () => number, handlers: ConnectionHandlers): Connection {
  let status: ConnectionStatus = 'connecting';
  let closed = false;
  const set = (s: ConnectionStatus, detail?: string) => {
    status = s;
    handlers.status(s, detail);
  };
  const socket: Socket = io({
    path: SEMINAR_SOCKET_PATH,
    // Called again on every reconnection: the server replays from here.
    auth: (cb) => cb({ token, lastSeq: lastSeq() }),
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 4000,
  });
  socket.on('connect', () => set('connected'));
  socket.on('disconnect', (reason) => {
    if (!closed) set('reconnecting', reason);
  });
  let retry: ReturnType<typeof setTimeout> | undefined;
  socket.on('connect_error', (err) => {
    if (closed) return;
    const code = (err as Error & { data?: { code?: string } }).data?.code;
    if (code === 'unknown_token') {
      // The seat is gone (the seminar ended long ago, or another server): join again.
      return set('refused', 'this seat is not known to the server any more: join again');
    }
    if (code === 'seminar_full' || code === 'server_full') {
      // socket.io does not retry a refusal by itself: ask again after a pause.
      clearTimeout(retry);
      retry = setTimeout(() => !closed && socket.connect(), 3000 + Math.random() * 2000);
      return set('reconnecting', code === 'seminar_full' ? 'the seminar is full; trying again' : 'the server is full; trying again');
    }
    set('reconnecting', err.message);
  });
  socket.on('welcome', (m: ServerMessages['welcome']) => handlers.welcome(m));
  socket.on('event', (e: SeminarEvent) => {
    if (typeof e?.seq === 'number' && typeof e.type === 'string') handlers.event(e);
  });
  socket.on('follow', (raw: unknown) => {
    const f = FollowState.safeParse(raw);
    if (f.success) handlers.follow(f.data);
  });
  socket.on('recall', () => handlers.recall());
  socket.on('presence', (raw: unknown) => {
    const p = Presence.safeParse(raw);
    if (p.success) handlers.presence(p.data);
  });
  socket.on('refused', (m: ServerMessages['refused']) => handlers.refused(m));

  return {
    send<T>(name: ClientMessageName, payload: unknown): Promise<Ack<T>> {
      return new Promise((resolve) => {
        if (closed) return resolve({ ok: false, error: notConnected('the seminar connection is closed') });
        socket.timeout(10_000).emit(name, payload, (err: Error | null, ack: Ack<T>) => {
          resolve(err ? { ok: false, error: notConnected('no answer from the server within 10 seconds; it is sent again when the connection is back') } : ack);
        });
      });
    },
    get status() {
      return status;
    },
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(retry);
      socket.removeAllListeners();
      socket.disconnect();
      set('closed');
    },
  };
}

function notConnected(message: string): ErrorBody {
  return { status: 503, code: 'not_connected', message, issues: [] };
}
