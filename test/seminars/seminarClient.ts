import { io, type Socket } from 'socket.io-client';
import { SEMINAR_SOCKET_PATH, type Ack, type ErrorBody, type FollowState, type SeminarEvent, type ServerMessages } from '../../model/seminars.js';

/**
 * A real socket.io client as a participant's device would run it, recording everything
 * it receives. It does not drop duplicates or reorder: the tests check the server does
 * neither. On every (re)connection it sends the seq of the last event it received.
 */
export class SeminarClient {
  readonly socket: Socket;
  readonly events: SeminarEvent[] = [];
  readonly follows: FollowState[] = [];
  readonly refusals: (ErrorBody & { event: string })[] = [];
  readonly welcomes: ServerMessages['welcome'][] = [];
  /** When each follow state arrived (performance.now()), by rev: the bench's receipt times. */
  readonly followAt = new Map<number, number>();
  connectErrors: string[] = [];

  constructor(
    base: string,
    readonly token: string,
    public lastSeq = 0,
  ) {
    this.socket = io(base, {
      path: SEMINAR_SOCKET_PATH,
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 50,
      reconnectionDelayMax: 250,
      auth: (cb) => cb({ token: this.token, lastSeq: this.lastSeq }),
    });
    this.socket.on('event', (e: SeminarEvent) => {
      this.events.push(e);
      this.lastSeq = Math.max(this.lastSeq, e.seq);
    });
    this.socket.on('follow', (f: FollowState) => {
      this.follows.push(f);
      this.followAt.set(f.rev, performance.now());
    });
    this.socket.on('refused', (r: ErrorBody & { event: string }) => this.refusals.push(r));
    this.socket.on('welcome', (w: ServerMessages['welcome']) => this.welcomes.push(w));
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => this.connectErrors.push(err.data?.code ?? err.message));
  }

  connected(timeoutMs = 10_000): Promise<void> {
    return until(() => this.socket.connected && this.welcomes.length > 0, timeoutMs, 'connect');
  }

  send<T = Record<string, unknown>>(name: string, payload: unknown = {}, timeoutMs = 10_000): Promise<Ack<T>> {
    return this.socket.timeout(timeoutMs).emitWithAck(name, payload) as Promise<Ack<T>>;
  }

  seqs(): number[] {
    return this.events.map((e) => e.seq);
  }

  close(): void {
    this.socket.disconnect();
  }
}

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
