import { STATUSES, type NodeSummary, type Period, type Status } from '../../model/index.js';
import { nodeSummaries, summaryFromElementData } from '../graph/summaries.js';
import type { GraphStore, Row } from '../store/port.js';
import { isFinished, latestUpdate, updateRecords, type UpdateRecord } from './reportData.js';
import { byNumbers } from '../graph/byNumbers.js';

/**
 * Progress rolled up along the golden thread: for every local outcome, priority, strategic
 * aim and national outcome, the actions beneath it (through one to three SERVES links)
 * counted by their status at the end of a period, with how many are overdue and how many
 * had no update within the period. A spreadsheet cannot say this; the graph can.
 */

export const NO_UPDATE = 'no update' as const;
export type RollupStatus = Status | typeof NO_UPDATE;
export const ROLLUP_STATUSES: readonly RollupStatus[] = [...STATUSES, NO_UPDATE];

export type ActionState = {
  id: string;
  plan: string;
  ref: string;
  title: string;
  lead: string | null;
  dueDate: string | null;
  /** The status of the latest update at or before the end of the period. */
  status: RollupStatus;
  overdue: boolean;
  updatedThisPeriod: boolean;
  latest: UpdateRecord | null;
};

export type RollupRow = {
  target: NodeSummary;
  actions: number;
  byStatus: Record<RollupStatus, number>;
  overdue: number;
  noUpdateThisPeriod: number;
  /** The ids of the actions counted, so the map can highlight them. */
  actionIds: string[];
};

export type Rollup = { period: Period; plan: string | null; rows: RollupRow[] };

const emptyCounts = () => Object.fromEntries(ROLLUP_STATUSES.map((s) => [s, 0])) as Record<RollupStatus, number>;

/** Each action's state at the end of `period`. */
export async function actionStates(store: GraphStore, ids: string[], period: Period): Promise<Map<string, ActionState>> {
  return (await actionStatesAt(store, ids, [period]))[0]!;
}

/** Each action's state at the end of each period, from one read of the actions and their updates (a dashboard wants now and before). */
export async function actionStatesAt(store: GraphStore, ids: string[], periods: readonly Period[]): Promise<Map<string, ActionState>[]> {
  if (!ids.length) return periods.map(() => new Map());
  const [rows, progress] = await Promise.all([store.read('reports/actions-by-id', { ids }), store.read('reports/progress-of', { ids })]);
  const updatesOf = new Map<string, UpdateRecord[]>();
  for (const u of updateRecords(progress)) {
    const list = updatesOf.get(u.action);
    if (list) list.push(u);
    else updatesOf.set(u.action, [u]);
  }
  return periods.map((period) => statesOf(rows, updatesOf, period));
}

function statesOf(rows: Row[], updatesOf: ReadonlyMap<string, UpdateRecord[]>, period: Period): Map<string, ActionState> {
  const states = new Map<string, ActionState>();
  for (const r of rows) {
    const id = String(r.id);
    const updates = updatesOf.get(id) ?? [];
    const latest = latestUpdate(updates, period.end);
    const status: RollupStatus = latest?.status ?? NO_UPDATE;
    const dueDate = typeof r.dueDate === 'string' ? r.dueDate : null;
    states.set(id, {
      id,
      plan: String(r.plan),
      ref: String(r.ref ?? ''),
      title: String(r.title),
      lead: typeof r.leadAsPrinted === 'string' ? r.leadAsPrinted : null,
      dueDate,
      status,
      overdue: dueDate !== null && dueDate < period.end && !isFinished(status === NO_UPDATE ? null : status),
      updatedThisPeriod: updates.some((u) => u.date && u.date.date >= period.start && u.date.date <= period.end),
      latest,
    });
  }
  return states;
}

/** `known`: the actions' states at `period` when the caller read them already (a dashboard does); any action missing from it is read. */
export async function rollUp(store: GraphStore, period: Period, plan: string | null = null, known?: ReadonlyMap<string, ActionState>): Promise<Rollup> {
  const pairs = await store.read('reports/actions-beneath', { plan: plan ?? '' });
  const beneath = new Map<string, Set<string>>();
  for (const p of pairs) {
    const t = String(p.target);
    if (!beneath.has(t)) beneath.set(t, new Set());
    beneath.get(t)!.add(String(p.action));
  }
  const actionIds = [...new Set(pairs.map((p) => String(p.action)))];
  const unknown = known ? actionIds.filter((id) => !known.has(id)) : actionIds;
  const [read, summaries] = await Promise.all([unknown.length ? actionStates(store, unknown, period) : Promise.resolve(new Map<string, ActionState>()), nodeSummaries(store, beneath.keys())]);
  const states = known && unknown.length < actionIds.length ? new Map([...known, ...read]) : read;
  const rows: RollupRow[] = [];
  for (const [target, actions] of beneath) {
    const summary = summaries.get(target);
    if (!summary) continue;
    const byStatus = emptyCounts();
    let overdue = 0;
    let noUpdate = 0;
    for (const id of actions) {
      const s = states.get(id);
      if (!s) continue;
      byStatus[s.status]++;
      if (s.overdue) overdue++;
      if (!s.updatedThisPeriod) noUpdate++;
    }
    rows.push({ target: summaryFromElementData(summary), actions: actions.size, byStatus, overdue, noUpdateThisPeriod: noUpdate, actionIds: [...actions].sort() });
  }
  const kindOrder = ['NationalOutcome', 'StrategicAim', 'Priority', 'LocalOutcome'];
  rows.sort(
    (a, b) =>
      kindOrder.indexOf(a.target.kind) - kindOrder.indexOf(b.target.kind) ||
      byNumbers((a.target.ref ?? ''), b.target.ref ?? '') ||
      a.target.id.localeCompare(b.target.id),
  );
  return { period, plan, rows };
}
