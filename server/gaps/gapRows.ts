import type { NodeSummary } from '../../model/index.js';
import { byNumbers } from '../graph/byNumbers.js';
import { cachedRows } from '../graph/cachedRows.js';
import { keptOrderSorter } from '../graph/keptOrderSort.js';
import { planShortNames, qualifiedRef } from '../graph/planNames.js';
import { nodeSummaries, summaryFromElementData } from '../graph/summaries.js';
import type { GraphStore, Row } from '../store/port.js';
import type { GapInput, GapResult } from './gapInput.js';

/**
 * What several gap analyses share: action lists in reference order with their references
 * qualified by plan, outcomes with the organisations that serve them, and the summary's counts.
 */

/** Rows from more than one plan name each reference's plan ("LCJA 2008 · 2.2.1"); rows of one plan need not. */
export const severalPlans = (plans: (string | null)[]) => new Set(plans.filter(Boolean)).size > 1;

/** "LCJA 2008 · 2.5.7" (or "2.5.7" when `qualify` is false) for each action, in reference order. */
export async function actionRefs(store: GraphStore, ids: string[], qualify: boolean): Promise<Map<string, string>> {
  const summaries = await nodeSummaries(store, ids);
  return new Map(
    ids.map((id) => {
      const s = summaries.get(id);
      const ref = s?.ref || (s ? `“${s.label.length > 40 ? `${s.label.slice(0, 39)}…` : s.label}”` : id);
      return [id, (qualify ? qualifiedRef(s?.planShort, ref) : ref) ?? ref];
    }),
  );
}
// Grouped as the explorer prints counts ("1,729 pairs"), so a summary and the panel's paging line agree.
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

export const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Action rows in reference order ("LCJA 2008 2.5.7" by its numbers), then by id. The rows
 * are the cached ones, the same objects from read to read but for the edited ones, so the
 * last order is kept and only the edited rows are placed again (keptOrderSort.ts): at a
 * hundred partnerships' size sorting afresh was most of a read after an edit.
 */
const sortActionRows = keptOrderSorter<Row>((x, y) => byNumbers(`${text(x.plan)} ${text(x.ref)}`, `${text(y.plan)} ${text(y.ref)}`) || String(x.id).localeCompare(String(y.id)));

export async function actionsAnalysis(store: GraphStore, query: string, input: GapInput, summarise: (n: number) => string): Promise<GapResult> {
  // Rows kept and patched per edited action (cachedRows.ts): an edit of a shown field does not run the query again.
  const [rows, names] = await Promise.all([cachedRows(store, query, { plan: input.plan, asOf: input.asOf, bases: input.bases }), planShortNames(store)]);
  const actions = sortActionRows(rows).map((r) => ({
    id: String(r.id),
    plan: text(r.plan),
    ref: text(r.ref),
    title: text(r.title),
    lead: text(r.lead),
    timescale: text(r.timescale),
    dueDate: text(r.dueDate),
    status: text(r.status),
  }));
  const qualify = severalPlans(actions.map((a) => a.plan));
  return {
    summary: summarise(actions.length),
    columns: [
      { key: 'ref', title: 'Ref' },
      { key: 'title', title: 'Action' },
      { key: 'lead', title: 'Lead as printed' },
      { key: 'timescale', title: 'Timescale' },
      { key: 'status', title: 'Status' },
    ],
    // `plan` stays in the row (an id, for the explorer's filters) but is no column: the reference names the plan.
    rows: actions.map((a) => ({ ...a, ref: qualify ? qualifiedRef(a.plan ? names.get(a.plan) : null, a.ref) : a.ref })),
    highlight: actions.map((a) => a.id),
  };
}

type OutcomeOrgs = { target: NodeSummary; organisations: string[]; names: string[]; actions: string[]; plans: string[] };

/** How a gap row names a node's kind; never the model's identifier. */
export const KIND_NAMES: Record<NodeSummary['kind'], string> = {
  Plan: 'Plan',
  Organisation: 'Organisation',
  Action: 'Action',
  Milestone: 'Milestone',
  ProgressUpdate: 'Progress update',
  LocalOutcome: 'Local outcome',
  Priority: 'Priority',
  StrategicAim: 'Strategic aim',
  FrameworkOutcome: 'Framework outcome',
  NationalOutcome: 'National Outcome',
  Indicator: 'Indicator',
  Event: 'Event',
  Funding: 'Funding',
  Programme: 'Programme',
  Output: 'Output',
};

/** Outcomes with the organisations leading actions that serve them, most organisations first. */
export async function organisationsPerOutcome(store: GraphStore, input: GapInput): Promise<OutcomeOrgs[]> {
  const rows = await store.read('gaps/organisations-per-outcome', { plan: input.plan, bases: input.bases });
  const byTarget = new Map<string, { organisations: Map<string, string>; actions: Set<string>; plans: Set<string> }>();
  for (const r of rows) {
    const entry = byTarget.get(String(r.target)) ?? { organisations: new Map(), actions: new Set(), plans: new Set() };
    entry.organisations.set(String(r.organisation), String(r.name));
    entry.actions.add(String(r.action));
    if (r.plan) entry.plans.add(String(r.plan));
    byTarget.set(String(r.target), entry);
  }
  const summaries = await nodeSummaries(store, byTarget.keys());
  return [...byTarget]
    .map(([id, e]) => ({
      target: summaryFromElementData(summaries.get(id)!),
      organisations: [...e.organisations.keys()].sort(),
      names: [...e.organisations.values()].sort(),
      actions: [...e.actions].sort(byNumbers),
      plans: [...e.plans],
    }))
    .sort((a, b) => b.organisations.length - a.organisations.length || byNumbers(a.target.id, b.target.id));
}

export const outcomeColumns = [
  { key: 'kind', title: 'Kind' },
  { key: 'ref', title: 'Ref' },
  { key: 'title', title: 'Outcome' },
  { key: 'organisations', title: 'Leading organisations' },
  { key: 'actions', title: 'Actions' },
];
