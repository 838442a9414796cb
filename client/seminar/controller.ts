import type { FollowMessage, FollowState, SeminarState } from '../../model/seminars.js';
import type { Ctx, Loaded } from '../app/context.js';
import type { AppState, Camera } from '../state/types.js';
import { explorerFilters } from './filters.js';
import { connect, type Connection, type ConnectionStatus } from './connection.js';
import { applyFollowedView, followedViewOf, nextFollowStatus, sameFollowedContent, START_FOLLOWING, type FollowEvent, type FollowStatus, type FollowedView } from './follow.js';
import { seminarHttp } from './http.js';
import { applyEvent, roomFrom, type Room } from './room.js';
import { saveSeat, type Seat } from './session.js';
import { watchHandMoves } from './handMoves.js';
import { freezeSeminarLayout } from './sharedLayout.js';

/**
 * One device's part in a seminar: its seat, the room as it knows it, the live channel
 * and follow mode. A participant's map shows the facilitator's view while following;
 * the facilitator's own moves are sent to the room. Accepted proposals load the graph
 * again, so the map and the gap counts show them on every screen.
 */

export type Controller = ReturnType<typeof startController>;

export function startController(ctx: Ctx, seat: Seat, storage: Storage | null, data: () => Loaded | null) {
  let room: Room | null = null;
  let follow: FollowStatus = START_FOLLOWING;
  let status: ConnectionStatus = 'connecting';
  let notice = '';
  let conn: Connection | null = null;
  let destroyed = false;
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const l of [...listeners]) l();
  };
  const isFacilitator = seat.role === 'facilitator';

  // ------------------------------------------------------------ following (participants)
  let lastFollow: FollowState | null = null;
  let applying = false;
  const followedFrom = (f: FollowState): FollowedView => ({
    camera: f.viewport,
    filters: explorerFilters(f.filters),
    selected: f.thread ?? f.selection,
    mode: f.thread ? 'thread' : 'explore',
    gap: null,
  });
  const showFacilitator = () => {
    if (isFacilitator || !lastFollow || follow.mode !== 'following') return;
    const v = followedFrom(lastFollow);
    applying = true;
    try {
      ctx.dispatch((s) => applyFollowedView(s, v), 'replace');
    } finally {
      applying = false;
    }
  };
  const onFollowEvent = (e: FollowEvent) => {
    const before = follow;
    follow = nextFollowStatus(follow, e);
    if (follow !== before) changed();
    if (follow.mode === 'following' && (before.mode !== 'following' || e.type === 'moved-by-hand' || e.type === 'back' || e.type === 'bring-back')) showFacilitator();
  };
  // While following, the map stays on the facilitator's camera: the participant's own map
  // reporting a late glide or a resize must not replace it (it would stay replaced until the
  // facilitator next moved), and a pan while following is locked goes back.
  if (!isFacilitator) ctx.holdCamera((): Camera | null => (follow.mode === 'following' && lastFollow?.viewport) || null);
  const stopHandMoves = isFacilitator ? () => {} : watchHandMoves(ctx, () => onFollowEvent({ type: 'moved-by-hand' }));
  // A tap on another node, a filter or a search result of the participant's own is a move by hand too.
  const stopStoreWatch = ctx.store.subscribe((s, prev) => {
    if (isFacilitator) return sendFollow(s);
    if (applying || !lastFollow || follow.mode !== 'following') return;
    if (!sameFollowedContent(followedViewOf(s), followedViewOf(prev)) && !sameFollowedContent(followedViewOf(s), followedFrom(lastFollow))) onFollowEvent({ type: 'moved-by-hand' });
  });

  // ------------------------------------------------------------ the facilitator's moves
  let sent: FollowMessage | null = null;
  let followTimer: ReturnType<typeof setTimeout> | undefined;
  function sendFollow(s: AppState) {
    if (!conn) return;
    clearTimeout(followTimer);
    // A burst of moves (a camera glide reports once it settles; a filter click is one) goes as its last state.
    followTimer = setTimeout(() => {
      const m: FollowMessage = {
        viewport: s.camera,
        filters: s.filters,
        selection: s.selected,
        thread: s.mode === 'thread' ? s.selected : null,
      };
      if (sent && JSON.stringify(sent) === JSON.stringify(m)) return;
      sent = m;
      void conn?.send('follow', m);
    }, 60);
  }

  // ------------------------------------------------------------ the room
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const graphChanged = () => {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void ctx.reloadGraph().then(changed), 50);
  };
  const resync = async () => {
    try {
      const state: SeminarState = await seminarHttp.state(seat.seminarId, seat.token);
      if (destroyed) return;
      const had = room;
      room = { ...roomFrom(state, had?.you ?? null), committed: had?.committed ?? [] };
      if (!isFacilitator) {
        lastFollow = state.follow;
        onFollowEvent({ type: 'lock', locked: state.follow.locked });
        showFacilitator();
      }
      changed();
    } catch (err) {
      notice = `The seminar could not be read: ${(err as Error).message}`;
      if ((err as { status?: number }).status === 401 || (err as { status?: number }).status === 404) leave();
      changed();
    }
  };

  const begin = async () => {
    await resync();
    if (destroyed || !room) return;
    const seminar = room.seminar;
    // One map for the room: every device lays the seminar's map out once, from the view it started from.
    freezeSeminarLayout(ctx, data(), seminar.view);
    if (isFacilitator) sendFollow(ctx.store.get());
    conn = connect(seat.token, () => room?.lastSeq ?? 0, {
      welcome(m) {
        if (!room) return;
        room = { ...room, you: m.you, seminar: m.seminar, presence: m.presence, follow: m.follow };
        if (!isFacilitator) {
          lastFollow = m.follow;
          onFollowEvent({ type: 'lock', locked: m.follow.locked });
          showFacilitator();
        }
        changed();
      },
      event(e) {
        if (!room) return;
        const r = applyEvent(room, e);
        if (r.outcome === 'gap') return void resync();
        if (r.outcome === 'duplicate') return;
        room = r.room;
        if (e.type === 'proposal-accepted') graphChanged();
        changed();
      },
      follow(f) {
        if (isFacilitator) {
          if (room) room = { ...room, follow: f };
          return changed();
        }
        const wasLocked = lastFollow?.locked ?? false;
        lastFollow = f;
        if (room) room = { ...room, follow: f };
        if (f.locked !== wasLocked) onFollowEvent({ type: 'lock', locked: f.locked });
        showFacilitator();
        changed();
      },
      recall() {
        onFollowEvent({ type: 'bring-back' });
      },
      presence(p) {
        if (room) room = { ...room, presence: p };
        changed();
      },
      refused(m) {
        notice = `The server refused ${m.event}: ${m.message}`;
        changed();
      },
      status(s, detail) {
        status = s;
        notice = s === 'reconnecting' ? `Connection lost${detail ? ` (${detail})` : ''}; reconnecting…` : s === 'refused' ? `The seminar refused this device: ${detail ?? ''}` : '';
        if (s === 'refused') return leave();
        changed();
      },
    });
    changed();
  };
  void begin();

  function leave() {
    saveSeat(storage, null);
    destroy();
  }
  function destroy() {
    if (destroyed) return;
    destroyed = true;
    clearTimeout(followTimer);
    clearTimeout(reloadTimer);
    stopHandMoves();
    stopStoreWatch();
    if (!isFacilitator) ctx.holdCamera(null);
    conn?.close();
    ctx.setArrangement(null);
    changed();
    listeners.clear();
  }

  return {
    seat,
    isFacilitator,
    get room() {
      return room;
    },
    get follow() {
      return follow;
    },
    get status() {
      return status;
    },
    get notice() {
      return notice;
    },
    get destroyed() {
      return destroyed;
    },
    setNotice(text: string) {
      notice = text;
      changed();
    },
    /** The participant's "Back to the facilitator". */
    backToFacilitator: () => onFollowEvent({ type: 'back' }),
    send: <T = Record<string, unknown>>(name: Parameters<Connection['send']>[0], payload: unknown) =>
      conn ? conn.send<T>(name, payload) : Promise.resolve({ ok: false as const, error: { status: 503, code: 'not_connected', message: 'not connected yet', issues: [] } }),
    onChange(l: () => void) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    leave,
    destroy,
  };
}
