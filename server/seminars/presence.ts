import type { Presence } from '../../model/seminars.js';
import type { SeminarRoom } from './room.js';

/**
 * Who is connected to each seminar now: open sockets per participant (two tabs count
 * once in the list, twice against the connection limit). Memory only: after a restart
 * presence is rebuilt as devices reconnect.
 */
export class PresenceBook {
  private readonly sockets = new Map<string, Map<string, number>>();

  connections(seminarId: string): number {
    let n = 0;
    for (const c of this.sockets.get(seminarId)?.values() ?? []) n += c;
    return n;
  }

  add(seminarId: string, participantId: string): void {
    const room = this.sockets.get(seminarId) ?? new Map<string, number>();
    room.set(participantId, (room.get(participantId) ?? 0) + 1);
    this.sockets.set(seminarId, room);
  }

  remove(seminarId: string, participantId: string): void {
    const room = this.sockets.get(seminarId);
    const n = room?.get(participantId) ?? 0;
    if (!room || n === 0) return;
    if (n === 1) room.delete(participantId);
    else room.set(participantId, n - 1);
    if (room.size === 0) this.sockets.delete(seminarId);
  }

  of(room: SeminarRoom): Presence {
    const present = [...(this.sockets.get(room.id)?.keys() ?? [])].flatMap((id) => {
      const p = room.participants.get(id);
      return p ? [{ id, displayName: p.displayName, role: p.role }] : [];
    });
    return { count: present.length, present };
  }
}
