import { FINISHED_STATUSES, parsePeriod, quarterOf, type Period, type Status } from '../../model/index.js';
import { HttpError } from '../api/errors.js';
import type { GraphStore, Row } from '../store/port.js';
import { updateDate, type UpdateDate } from './progressDates.js';
import { byNumbers } from '../graph/byNumbers.js';

/**
 * What a quarterly progress report holds, gathered from the graph: the plan's actions
 * grouped by the National Outcome they serve, each row with the columns the Lanarkshire
 * 2010 report prints (local outcome, local target, key actions, frequency or source,
 * timescale, lead, progress) and the line of the document it came from; then the plan's
 * indicator table, as the Glasgow plan prints it. Every renderer (HTML, PDF, DOCX, XLSX)
 * draws this one structure.
 */

export type RowSource = { file: string; lines: [number, number] } | { edit: true };

export type ProgressEntry = {
  status: Status;
  statusAsPrinted: string | null;
  /** Whether the status word is printed in the document or was read from the narrative. */
  statusBasis: 'printed' | 'inferred';
  narrative: string;
  period: string;
  date: UpdateDate;
  source: RowSource;
};

export type ReportRow = {
  actionId: string;
  ref: string;
  localOutcome: string | null;
  localTarget: string | null;
  keyActions: string;
  /** The milestones printed under the action, with their timescale as printed. */
  milestones: { text: string; timescale: string | null }[];
  frequencySource: string | null;
  timescale: string | null;
  lead: string | null;
  /** The latest update at or before the end of the period; null when there is none. */
  progress: ProgressEntry | null;
  overdue: boolean;
  /** Other National Outcomes the action also serves (it is listed under the first). */
  alsoServes: number[];
  source: RowSource;
};

export type ReportGroup = { nationalOutcome: { number: number; wording: string } | null; rows: ReportRow[] };

export type IndicatorRow = {
  id: string;
  measure: string;
  /** Where the measure started; null when none was entered (no document prints one). */
  baseline: string | null;
  target: string | null;
  actual: string | null;
  nextTarget: string | null;
  period: string | null;
  /** Target against actual where both are percentages or numbers, e.g. "-21 points". */
  gap: string | null;
  source: RowSource;
};

export type ProgressReport = {
  plan: { id: string; title: string; body: string; period: string };
  period: Period;
  generatedAt: string;
  groups: ReportGroup[];
  indicators: IndicatorRow[];
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function sourceOf(r: Row): RowSource {
  if (r.source === 'document' && typeof r.file === 'string') return { file: r.file, lines: [Number(r.lineFrom), Number(r.lineTo)] };
  return { edit: true };
}

function byRefThenLine(a: { ref: string; source: RowSource; actionId: string }, b: typeof a): number {
  const line = (s: RowSource) => ('file' in s ? s.lines[0] : Number.MAX_SAFE_INTEGER);
  return byNumbers(a.ref, b.ref) || line(a.source) - line(b.source) || a.actionId.localeCompare(b.actionId);
}

/** The latest update at or before `end`, by its date (printed or inferred), then by id. */
export function latestUpdate<T extends { date: UpdateDate; id: string }>(updates: T[], end: string): T | null {
  const dated = updates.filter((u) => u.date && u.date.date <= end);
  dated.sort((a, b) => b.date!.date.localeCompare(a.date!.date) || b.id.localeCompare(a.id));
  return dated[0] ?? null;
}

export type UpdateRecord = ProgressEntry & { id: string; action: string };

export function updateRecords(rows: Row[]): UpdateRecord[] {
  return rows.map((r) => {
    const printed = str(r.statusAsPrinted);
    return {
      id: String(r.id),
      action: String(r.action),
      status: (str(r.status) ?? 'unknown') as Status,
      statusAsPrinted: printed,
      statusBasis: printed ? 'printed' : 'inferred',
      narrative: String(r.narrative ?? ''),
      period: String(r.period ?? ''),
      date: updateDate({ asOf: str(r.asOf), period: str(r.period) }),
      source: sourceOf(r),
    };
  });
}

export const isFinished = (status: Status | null) => status !== null && (FINISHED_STATUSES as readonly string[]).includes(status);

/** The period a report is for when none is asked: the quarter of the plan's latest dated update, else today's. */
export function defaultPeriod(updates: UpdateRecord[], today = new Date().toISOString().slice(0, 10)): Period {
  const latest = updates.map((u) => u.date?.date).filter((d): d is string => !!d).sort().pop();
  return parsePeriod(quarterOf(latest ?? today)) as Period;
}

export async function buildProgressReport(store: GraphStore, planId: string, period?: Period, now = new Date()): Promise<ProgressReport> {
  const planRows = await store.read('graph/nodes-by-id', { ids: [planId] });
  const planNode = planRows[0]?.n as { label: string; properties: Record<string, unknown> } | undefined;
  if (!planNode || planNode.label !== 'Plan') {
    const reason = `there is no plan ${planId}; plans have ids such as plan:lcja-2010`;
    throw new HttpError(400, 'bad_request', `plan: ${reason}`, [{ field: 'plan', reason }]);
  }

  const actions = await store.read('reports/plan-actions', { plan: planId });
  const ids = actions.map((a) => String(a.id));
  const [outcomes, locals, progress, leads, indicators, milestones] = await Promise.all([
    store.read('reports/national-outcomes-of', { ids }),
    store.read('reports/local-outcomes-of', { ids }),
    store.read('reports/progress-of', { ids }),
    store.read('thread/leads', { ids }),
    store.read('reports/plan-indicators', { plan: planId }),
    store.read('reports/milestones-of', { ids }),
  ]);
  const milestonesOf = groupRows(milestones, 'action');
  const updates = updateRecords(progress);
  const forPeriod = period ?? defaultPeriod(updates, now.toISOString().slice(0, 10));

  const outcomesOf = groupRows(outcomes, 'action');
  const localsOf = groupRows(locals, 'action');
  const leadsOf = groupRows(leads, 'action');
  const updatesOf = new Map<string, UpdateRecord[]>();
  for (const u of updates) updatesOf.set(u.action, [...(updatesOf.get(u.action) ?? []), u]);

  const groups = new Map<number | null, ReportGroup>();
  for (const a of actions) {
    const id = String(a.id);
    const served = (outcomesOf.get(id) ?? []).map((o) => ({ number: Number(o.number), wording: String(o.wording) })).sort((x, y) => x.number - y.number);
    const first = served[0] ?? null;
    const latest = latestUpdate(updatesOf.get(id) ?? [], forPeriod.end);
    const progressEntry: ProgressEntry | null = latest
      ? { status: latest.status, statusAsPrinted: latest.statusAsPrinted, statusBasis: latest.statusBasis, narrative: latest.narrative, period: latest.period, date: latest.date, source: latest.source }
      : null;
    const dueDate = str(a.dueDate);
    const status = progressEntry?.status ?? null;
    const row: ReportRow = {
      actionId: id,
      ref: String(a.ref ?? ''),
      localOutcome: (localsOf.get(id) ?? []).map((l) => String(l.title)).join('; ') || null,
      localTarget: str(a.localTarget) ?? str(a.objective),
      keyActions: String(a.title),
      milestones: (milestonesOf.get(id) ?? []).map((m) => ({ text: String(m.text), timescale: str(m.timescale) })),
      frequencySource: str(a.frequencySource),
      timescale: str(a.timescale),
      lead: str(a.leadAsPrinted) ?? ((leadsOf.get(id) ?? []).map((l) => String(l.name)).join(', ') || null),
      progress: progressEntry,
      overdue: dueDate !== null && dueDate < forPeriod.end && !isFinished(status),
      alsoServes: served.slice(1).map((s) => s.number),
      source: sourceOf(a),
    };
    const key = first?.number ?? null;
    if (!groups.has(key)) groups.set(key, { nationalOutcome: first, rows: [] });
    groups.get(key)!.rows.push(row);
  }
  const ordered = [...groups.values()].sort((x, y) => (x.nationalOutcome?.number ?? 99) - (y.nationalOutcome?.number ?? 99));
  for (const g of ordered) g.rows.sort(byRefThenLine);

  const props = planNode.properties;
  return {
    plan: { id: planId, title: String(props.title), body: String(props.body), period: String(props.period) },
    period: forPeriod,
    generatedAt: now.toISOString(),
    groups: ordered,
    indicators: indicatorRows(indicators),
  };
}

/** The rows of `reports/plan-indicators`, in the order the document prints them. */
export function indicatorRows(rows: Row[]): IndicatorRow[] {
  return rows
    .map((i) => ({
      id: String(i.id),
      measure: String(i.measure),
      baseline: str(i.baseline),
      target: str(i.target),
      actual: str(i.actual),
      nextTarget: str(i.nextTarget),
      period: str(i.period),
      gap: indicatorGap(str(i.target), str(i.actual)),
      source: sourceOf(i),
    }))
    .sort((x, y) => ('file' in x.source && 'file' in y.source ? x.source.lines[0] - y.source.lines[0] : 0));
}

function groupRows(rows: Row[], key: string): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(String(r[key]), [...(out.get(String(r[key])) ?? []), r]);
  return out;
}

/** Actual minus target, where both print the same unit: "+5 points" for 80% against 75%. */
export function indicatorGap(target: string | null, actual: string | null): string | null {
  if (!target || !actual) return null;
  const pct = /^(-?\d+(?:\.\d+)?)%$/;
  const num = /^-?\d+(?:\.\d+)?$/;
  const t = target.trim();
  const a = actual.trim();
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n * 10) / 10)}`;
  if (pct.test(t) && pct.test(a)) return `${signed(Number(pct.exec(a)![1]) - Number(pct.exec(t)![1]))} points`;
  if (num.test(t) && num.test(a)) return signed(Number(a) - Number(t));
  return null;
}
