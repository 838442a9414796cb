import type { FollowState, SeminarEvent, SeminarEventBody } from '../../model/seminars.js';
import type { DotRoundRow, ProposalRow, SeminarParticipantRow, SeminarRow, SeminarVoteRow } from '../../model/system.js';
import type { GraphStore } from '../store/port.js';
import { writeRows, type RowWrite, type SeminarRepository } from './repository.js';

/**
 * One seminar in memory: its rows as the store holds them, and the log's last seq.
 * Loaded from the store on first use (so after a restart the seminar resumes where its
 * log stopped). Every change to a seminar runs through `exclusive`, one at a time, so
 * seqs are handed out in order and each event is in the store before anyone hears of it.
 */

export class SeminarRoom {
  /** The last seq written to the store and announced: what a catching-up client waits for. */
  lastSeq = 0;
  follow: FollowState;
  readonly participants = new Map<string, SeminarParticipantRow>();
  readonly proposals = new Map<string, ProposalRow>();
  readonly rounds = new Map<string, DotRoundRow>();
  /** By vote id (<subject>|<participant>). */
  readonly votes = new Map<string, SeminarVoteRow>();
  /** The seq the next event takes (ahead of lastSeq while a write is in flight). */
  private nextSeq = 1;
  private chain: Promise<unknown> = Promise.resolve();
  private queue: { event: SeminarEvent; writes: RowWrite[]; announce: (e: SeminarEvent) => void; resolve: (e: SeminarEvent) => void; reject: (err: unknown) => void }[] = [];
  private flushing = false;

  constructor(
    public row: SeminarRow,
    private readonly repo: SeminarRepository,
  ) {
    this.follow = JSON.parse(row.follow) as FollowState;
  }

  get id(): string {
    return this.row.id;
  }

  static async load(repo: SeminarRepository, row: SeminarRow): Promise<SeminarRoom> {
    const room = new SeminarRoom(row, repo);
    const [participants, proposals, rounds, votes, lastSeq] = await Promise.all([repo.participants(row.id), repo.proposals(row.id), repo.rounds(row.id), repo.votes(row.id), repo.lastSeq(row.id)]);
    for (const p of participants) room.participants.set(p.id, p);
    for (const p of proposals) room.proposals.set(p.id, p);
    for (const r of rounds) room.rounds.set(r.id, r);
    for (const v of votes) room.votes.set(v.id, v);
    room.lastSeq = lastSeq;
    room.nextSeq = lastSeq + 1;
    return room;
  }

  /** Runs `task` after every earlier one on this seminar has finished (failed ones included). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /**
   * Logs an event with the rows it changes. Call inside `exclusive`, and do not await
   * the answer there: the seq and the rows in memory are taken at once (so the next
   * message is checked against them), while the store write is grouped with whatever
   * else arrives meanwhile into one transaction (a hundred phones voting at once cost a
   * few commits, not a hundred). Only once the store has them are the events announced,
   * in seq order, and the promise resolved. A failed write reloads the room from the store.
   */
  append(store: GraphStore, body: SeminarEventBody, writes: RowWrite[], announce: (event: SeminarEvent) => void): { done: Promise<SeminarEvent> } {
    const seq = this.nextSeq++;
    const at = new Date().toISOString();
    const event = { seq, at, seminarId: this.id, ...body };
    const eventRow: RowWrite = { table: 'SeminarEvent', row: { id: `${this.id}|${String(seq).padStart(9, '0')}`, seminarId: this.id, seq, at, type: body.type, body: JSON.stringify(body) } };
    for (const w of writes) this.remember(w);
    const done = new Promise<SeminarEvent>((resolve, reject) => {
      this.queue.push({ event, writes: [...writes, eventRow], announce, resolve, reject });
    });
    void this.flush(store);
    return { done };
  }

  private async flush(store: GraphStore): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0);
        try {
          await store.write((tx) =>
            writeRows(
              tx,
              batch.flatMap((b) => b.writes),
            ),
          );
        } catch (err) {
          for (const b of [...batch, ...this.queue.splice(0)]) b.reject(err);
          await this.reload();
          continue;
        }
        for (const b of batch) {
          this.lastSeq = b.event.seq;
          b.announce(b.event);
          b.resolve(b.event);
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Back to what the store holds (after a failed write), so memory is never ahead of it for long. */
  private async reload(): Promise<void> {
    const fresh = await SeminarRoom.load(this.repo, this.row);
    this.participants.clear();
    this.proposals.clear();
    this.rounds.clear();
    this.votes.clear();
    for (const [k, v] of fresh.participants) this.participants.set(k, v);
    for (const [k, v] of fresh.proposals) this.proposals.set(k, v);
    for (const [k, v] of fresh.rounds) this.rounds.set(k, v);
    for (const [k, v] of fresh.votes) this.votes.set(k, v);
    const row = await this.repo.seminar(this.id);
    if (row) this.row = row;
    this.lastSeq = fresh.lastSeq;
    this.nextSeq = fresh.lastSeq + 1;
  }

  /** Rows written without an event (the follow state). */
  remember(w: RowWrite): void {
    if (w.table === 'Seminar') this.row = w.row;
    else if (w.table === 'SeminarParticipant') this.participants.set(w.row.id, w.row);
    else if (w.table === 'Proposal') this.proposals.set(w.row.id, w.row);
    else if (w.table === 'DotRound') this.rounds.set(w.row.id, w.row);
    else if (w.table === 'SeminarVote') this.votes.set(w.row.id, w.row);
  }

  nameOf = (participantId: string): string => this.participants.get(participantId)?.displayName ?? 'someone';
}

export function eventOfRow(row: { seq: number; at: string; seminarId: string; body: string }): SeminarEvent {
  return { seq: row.seq, at: row.at, seminarId: row.seminarId, ...(JSON.parse(row.body) as SeminarEventBody) };
}
