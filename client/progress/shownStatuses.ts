import type { ActionStatusAt } from './badgeSpecs.js';

/**
 * The statuses the map's badges show now: each action's status as at the end of the
 * chosen period. The map's hover tooltip and the board exports read them from here, so
 * both say what the badges say (the period's status), never the graph's latest status.
 * Written only by the map's progress box (mapProgress.ts) when its badges change.
 */

type Shown = { period: string; byId: ReadonlyMap<string, ActionStatusAt> };
let shown: Shown | null = null;

export function setShownStatuses(period: string, actions: readonly ActionStatusAt[]): void {
  shown = { period, byId: new Map(actions.map((a) => [a.id, a])) };
}

export function clearShownStatuses(): void {
  shown = null;
}

/** The period the shown statuses are for, and each action's; null before the first answer. */
export function shownStatuses(): Shown | null {
  return shown;
}
