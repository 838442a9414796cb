import { randomUUID } from 'node:crypto';
import type { Actor } from '../../model/roles.js';
import {
  FollowMessage,
  OpenRoundMessage,
  SeminarView,
  type AcceptAnswer,
  type FollowState,
  type JoinAnswer,
  type ProposalAnswer,
  type SeminarEvent,
  type SeminarState,
  type StartSeminarAnswer,
  type StartSeminarBody,
  type VoteAnswer,
} from '../../model/seminars.js';
import type { SeminarParticipantRow, SeminarRow } from '../../model/system.js';
import type { ChangePipeline } from '../changes/pipeline.js';
import type { GraphStore } from '../store/port.js';
import { participantInfo, proposalInfo, roundInfo, initialFollow, seminarInfo } from './records.js';
import { roundRanking } from './ranking.js';
import { seminarRepository, writeRows, type SeminarRepository } from './repository.js';
import { SeminarProposals } from './proposals.js';
import { logged, mustFacilitate, mustRun, refused, type Caller } from './roomRules.js';
import { PresenceBook } from './presence.js';
import { SeminarRoom } from './room.js';
import type { SeminarSettings } from './settings.js';
import { newJoinCode, newSeminarToken, tokenHash } from './tokens.js';

/**
 * What a seminar does, whoever asks (HTTP route or socket message): start, join,
 * propose, vote, accept, decline (those four in proposals.ts), dot rounds, follow, end. Every change is one logged
 * event written with its rows (room.ts); listeners (the socket server) hear of it after
 * the store has it. Errors are HttpErrors, so both transports answer them alike.
 */

export type { Caller } from './roomRules.js';

export type SeminarListener = {
  event(room: SeminarRoom, event: SeminarEvent): void;
  follow(room: SeminarRoom, state: FollowState): void;
  recall(room: SeminarRoom, rev: number): void;
};

/** How long the follow state may go unsaved: a restart brings the room back at most this far behind the camera. */
const FOLLOW_SAVE_MS = 1000;

export class SeminarService {
  readonly repo: SeminarRepository;
  /** Who is connected now (the socket server keeps it). */
  readonly presence = new PresenceBook();
  private readonly rooms = new Map<string, Promise<SeminarRoom>>();
  private readonly listeners = new Set<SeminarListener>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly followSaves = new Map<string, NodeJS.Timeout>();
  private readonly proposals: SeminarProposals;

  constructor(
    readonly store: GraphStore,
    readonly pipeline: ChangePipeline,
    readonly settings: SeminarSettings,
  ) {
    this.repo = seminarRepository(store);
    this.proposals = new SeminarProposals({ store, pipeline, repo: this.repo, announce: (room) => this.announce(room) });
  }

  listen(listener: SeminarListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---------------------------------------------------------------- finding seminars and callers

  /** The seminar, loaded from the store on first use; 404 naming the id otherwise. */
  async room(id: string): Promise<SeminarRoom> {
    let room = this.rooms.get(id);
    if (!room) {
      room = (async () => {
        const row = await this.repo.seminar(id);
        if (!row) throw refused(404, 'not_found', `no seminar with id ${id}`, 'id');
        const loaded = await SeminarRoom.load(this.repo, row);
        await this.proposals.completeInterrupted(loaded);
        for (const r of loaded.rounds.values()) this.armTimer(loaded, r.id, r.endsAt, r.status);
        return loaded;
      })();
      this.rooms.set(id, room);
      room.catch(() => this.rooms.delete(id));
    }
    return room;
  }

  /** Whoever holds a seminar token (participant or facilitator); null when it is no token of ours. */
  async caller(token: string): Promise<Caller | null> {
    const row = await this.repo.participantByTokenHash(tokenHash(token));
    if (!row) return null;
    const room = await this.room(row.seminarId);
    return { room, participant: room.participants.get(row.id) ?? row };
  }

  /** A signed-in account acting on a seminar: its facilitator, or an administrator, act as the facilitator. */
  facilitatorFor(room: SeminarRoom, actor: Actor): SeminarParticipantRow | null {
    if (actor.id !== room.row.facilitatorId && actor.role !== 'administrator') return null;
    return [...room.participants.values()].find((p) => p.role === 'facilitator') ?? null;
  }

  // ---------------------------------------------------------------- start, join, end

  async start(actor: Actor, body: StartSeminarBody, origin: string): Promise<StartSeminarAnswer> {
    const id = `seminar:${randomUUID()}`;
    const at = new Date().toISOString();
    const view = SeminarView.parse(body.view ?? { filters: null });
    const facilitatorToken = newSeminarToken();
    const row: SeminarRow = {
      id,
      code: await this.freeCode(),
      title: body.title,
      status: 'running',
      facilitatorId: actor.id,
      facilitatorName: actor.name,
      startedAt: at,
      view: JSON.stringify(view),
      follow: JSON.stringify(initialFollow(view)),
      requireSignIn: body.requireSignIn ?? false,
      anonymousVotes: body.anonymousVotes,
      dotsPerPerson: body.dotsPerPerson,
      facilitatorTokenHash: tokenHash(facilitatorToken),
    };
    const facilitator: SeminarParticipantRow = {
      id: `participant:${randomUUID()}`,
      seminarId: id,
      displayName: actor.name,
      role: 'facilitator',
      username: actor.id,
      tokenHash: row.facilitatorTokenHash,
      joinedAt: at,
    };
    const room = new SeminarRoom(row, this.repo);
    this.rooms.set(id, Promise.resolve(room));
    await logged(room, async () =>
      room.append(
        this.store,
        { type: 'participant-joined', participant: participantInfo(facilitator) },
        [
          { table: 'Seminar', row },
          { table: 'SeminarParticipant', row: facilitator },
        ],
        this.announce(room),
      ),
    );
    const seminar = seminarInfo(row, origin);
    return { id, code: row.code, joinUrl: seminar.joinUrl, qrUrl: `/api/seminars/${encodeURIComponent(id)}/qr`, facilitatorToken, seminar };
  }

  /** Whether joining this seminar needs a signed-in account. */
  signInRequired(room: SeminarRoom, anonymousRead: boolean): boolean {
    // A server that lets nobody read without an account cannot show an anonymous participant the map.
    return this.settings.requireSignIn || room.row.requireSignIn || !anonymousRead;
  }

  async roomByCode(code: string): Promise<SeminarRoom> {
    const row = (await this.repo.byCode(code)).find((s) => s.status === 'running');
    if (!row) throw refused(404, 'not_found', `no running seminar has the join code ${code}`, 'code');
    return this.room(row.id);
  }

  async join(room: SeminarRoom, displayName: string, account: Actor | undefined): Promise<JoinAnswer> {
    const token = newSeminarToken();
    const participant: SeminarParticipantRow = {
      id: `participant:${randomUUID()}`,
      seminarId: room.id,
      displayName,
      role: 'participant',
      ...(account ? { username: account.id } : {}),
      tokenHash: tokenHash(token),
      joinedAt: new Date().toISOString(),
    };
    await logged(room, async () => {
      mustRun(room);
      return room.append(this.store, { type: 'participant-joined', participant: participantInfo(participant) }, [{ table: 'SeminarParticipant', row: participant }], this.announce(room));
    });
    return { seminarId: room.id, participant: participantInfo(participant), token };
  }

  async end(caller: Caller): Promise<SeminarEvent> {
    const { room } = mustFacilitate(caller);
    return logged(room, async () => {
      mustRun(room);
      const endedAt = new Date().toISOString();
      const writes = [...room.rounds.values()].filter((r) => r.status === 'open').map((r) => ({ table: 'DotRound' as const, row: { ...r, status: 'closed' as const, closedAt: endedAt } }));
      const row: SeminarRow = { ...room.row, status: 'ended', endedAt, follow: JSON.stringify(room.follow) };
      for (const t of writes) this.disarmTimer(t.row.id);
      return room.append(
        this.store,
        { type: 'seminar-ended', endedAt, summaryUrl: `/api/seminars/${encodeURIComponent(room.id)}/summary` },
        [...writes, { table: 'Seminar', row }],
        this.announce(room),
      );
    });
  }

  // ---------------------------------------------------------------- proposals and votes (proposals.ts)

  propose(caller: Caller, input: unknown): Promise<ProposalAnswer> {
    return this.proposals.propose(caller, input);
  }

  accept(caller: Caller, proposalId: string): Promise<AcceptAnswer> {
    return this.proposals.accept(caller, proposalId);
  }

  decline(caller: Caller, proposalId: string, reason: string): Promise<SeminarEvent> {
    return this.proposals.decline(caller, proposalId, reason);
  }

  vote(caller: Caller, input: unknown): Promise<VoteAnswer> {
    return this.proposals.vote(caller, input);
  }

  // ---------------------------------------------------------------- dot rounds

  async openRound(caller: Caller, input: unknown): Promise<SeminarEvent> {
    const msg = OpenRoundMessage.parse(input);
    const { room } = mustFacilitate(caller);
    return logged(room, async () => {
      mustRun(room);
      const now = Date.now();
      const row = {
        id: `round:${randomUUID()}`,
        seminarId: room.id,
        title: msg.title,
        status: 'open' as const,
        targets: JSON.stringify(msg.targets),
        dotsPerPerson: msg.dotsPerPerson ?? room.row.dotsPerPerson,
        anonymous: msg.anonymous ?? room.row.anonymousVotes,
        openedAt: new Date(now).toISOString(),
        ...(msg.durationSeconds ? { endsAt: new Date(now + msg.durationSeconds * 1000).toISOString() } : {}),
      };
      const logged = room.append(this.store, { type: 'round-opened', round: roundInfo(row) }, [{ table: 'DotRound', row }], this.announce(room));
      this.armTimer(room, row.id, row.endsAt, row.status);
      return logged;
    });
  }

  async closeRound(caller: Caller, roundId: string): Promise<SeminarEvent> {
    const { room } = mustFacilitate(caller);
    return logged(room, async () => this.closeRoundNow(room, roundId));
  }

  private closeRoundNow(room: SeminarRoom, roundId: string): { done: Promise<SeminarEvent> } {
    const round = room.rounds.get(roundId);
    if (!round) throw refused(404, 'not_found', `no round ${roundId} in this seminar`, 'roundId');
    if (round.status !== 'open') throw refused(409, 'round_closed', 'this round is already closed', 'roundId');
    this.disarmTimer(roundId);
    const row = { ...round, status: 'closed' as const, closedAt: new Date().toISOString() };
    return room.append(this.store, { type: 'round-closed', roundId, ranking: roundRanking(row, room.votes.values(), room.nameOf) }, [{ table: 'DotRound', row }], this.announce(room));
  }

  /** The timer: closes the round when it runs out (at once, for one that ran out while the server was down). */
  private armTimer(room: SeminarRoom, roundId: string, endsAt: string | undefined, status: string): void {
    if (!endsAt || status !== 'open') return;
    const timer = setTimeout(
      () => {
        this.timers.delete(roundId);
        // Node's timers run on a monotonic clock rounded to the millisecond, so one can fire a
        // millisecond before the wall clock reaches endsAt: wait out the rest rather than close early.
        if (Date.now() < Date.parse(endsAt)) return this.armTimer(room, roundId, endsAt, room.rounds.get(roundId)?.status ?? status);
        logged(room, async () => (room.rounds.get(roundId)?.status === 'open' ? this.closeRoundNow(room, roundId) : { done: Promise.resolve(null) })).catch((err: unknown) =>
          console.error(`closing round ${roundId} on its timer failed:`, err),
        );
      },
      Math.max(0, Date.parse(endsAt) - Date.now()),
    );
    timer.unref();
    this.timers.set(roundId, timer);
  }

  private disarmTimer(roundId: string): void {
    clearTimeout(this.timers.get(roundId));
    this.timers.delete(roundId);
  }

  // ---------------------------------------------------------------- following the facilitator

  /** The facilitator moved the room. Not logged (only the latest state matters); saved at most once a second. */
  follow(caller: Caller, input: unknown): FollowState {
    const msg = FollowMessage.parse(input);
    const { room } = mustFacilitate(caller);
    mustRun(room);
    const next: FollowState = { ...room.follow, rev: room.follow.rev + 1 };
    if (msg.viewport !== undefined) next.viewport = msg.viewport;
    if (msg.filters !== undefined) next.filters = msg.filters;
    if (msg.selection !== undefined) next.selection = msg.selection;
    if (msg.thread !== undefined) next.thread = msg.thread;
    return this.setFollow(room, next);
  }

  lock(caller: Caller, locked: boolean): FollowState {
    const { room } = mustFacilitate(caller);
    mustRun(room);
    return this.setFollow(room, { ...room.follow, rev: room.follow.rev + 1, locked });
  }

  recall(caller: Caller): number {
    const { room } = mustFacilitate(caller);
    for (const l of this.listeners) l.recall(room, room.follow.rev);
    return room.follow.rev;
  }

  private setFollow(room: SeminarRoom, state: FollowState): FollowState {
    room.follow = state;
    for (const l of this.listeners) l.follow(room, state);
    if (!this.followSaves.has(room.id)) {
      const t = setTimeout(() => {
        this.followSaves.delete(room.id);
        room
          .exclusive(async () => {
            const row = { ...room.row, follow: JSON.stringify(room.follow) };
            await this.store.write((tx) => writeRows(tx, [{ table: 'Seminar', row }]));
            room.row = row;
          })
          .catch((err: unknown) => console.error(`saving the follow state of ${room.id} failed:`, err));
      }, FOLLOW_SAVE_MS);
      t.unref();
      this.followSaves.set(room.id, t);
    }
    return state;
  }

  // ---------------------------------------------------------------- reading

  state(room: SeminarRoom, origin: string, presence: SeminarState['presence']): SeminarState {
    const votes = [...room.votes.values()];
    return {
      seminar: seminarInfo(room.row, origin),
      follow: room.follow,
      presence,
      proposals: [...room.proposals.values()].map((p) => proposalInfo(p, votes)),
      rounds: [...room.rounds.values()].map((r) => ({ ...roundInfo(r), ranking: roundRanking(r, votes, room.nameOf) })),
      lastSeq: room.lastSeq,
    };
  }

  /** Stops the timers (tests, shutdown); the store keeps everything. Safe to call twice. */
  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.followSaves.values()) clearTimeout(t);
    this.timers.clear();
    this.followSaves.clear();
  }

  // ---------------------------------------------------------------- internal

  private announce(room: SeminarRoom) {
    return (event: SeminarEvent) => {
      for (const l of this.listeners) l.event(room, event);
    };
  }

  private async freeCode(): Promise<string> {
    for (;;) {
      const code = newJoinCode();
      if (!(await this.repo.byCode(code)).some((s) => s.status === 'running')) return code;
    }
  }
}

export { participantActor } from './proposals.js';
