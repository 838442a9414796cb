import type { GapCatalogueEntry, NodeSummary } from '../../model/index.js';
import { byNumbers } from '../graph/byNumbers.js';
import { cachedRows } from '../graph/cachedRows.js';
import { planShortNames, qualifiedRef } from '../graph/planNames.js';
import { summaryOf } from '../graph/summaries.js';
import { coverageMatrix } from '../matrix/coverageMatrix.js';
import type { NodeValue } from '../store/port.js';
import { alikePairs, contentWords } from './textSimilarity.js';
import { AS_OF, BASIS, inPlan, PLAN, THRESHOLD, type Analysis } from './gapInput.js';
import { actionRefs, actionsAnalysis, KIND_NAMES, organisationsPerOutcome, outcomeColumns, plural, severalPlans, text } from './gapRows.js';

export { basesFor, defaultGapInput, type Analysis, type GapInput } from './gapInput.js';

/**
 * The gap-analysis catalogue, as data: each analysis has an id, a title, a
 * plain-language explanation, its parameters, and a run function over named Cypher
 * (`cypher/gaps/`). The API, the catalogue endpoint and the explorer's gap panel are
 * all generated from this list.
 */

export const ANALYSES: Analysis[] = [
  {
    id: 'unserved-outcomes',
    title: 'Outcomes nobody serves',
    explanation:
      'National outcomes, strategic aims and framework outcomes that no action serves, directly or through a local outcome or priority. These are the ends of the golden thread with nothing hanging from them.',
    parameters: [PLAN, BASIS],
    async run(store, input) {
      // National outcomes, aims and framework outcomes belong to no plan: no plan index needed.
      const rows = await store.read('gaps/unserved-outcomes', { plan: input.plan, bases: input.bases });
      const items = rows.map((r) => summaryOf(r.t as NodeValue)).sort((a, b) => byNumbers(a.id, b.id));
      return {
        summary: `${plural(items.length, 'national outcome, aim or framework outcome', 'national outcomes, aims and framework outcomes')} served by no action${inPlan(input)}.`,
        columns: [
          { key: 'kind', title: 'Kind' },
          { key: 'ref', title: 'Ref' },
          { key: 'title', title: 'Outcome' },
        ],
        rows: items.map((s) => ({ id: s.id, kind: KIND_NAMES[s.kind], ref: s.ref, title: s.label })),
        highlight: items.map((s) => s.id),
      };
    },
  },
  {
    id: 'actions-without-national-link',
    title: 'Actions linked to no national outcome or aim',
    explanation:
      'Actions with no path to a national outcome, strategic aim or framework outcome. A "-" in a plan\'s link columns ends up here: the action may be worth doing, but nobody has said what national end it serves.',
    parameters: [PLAN, BASIS],
    run: (store, input) =>
      actionsAnalysis(store, 'gaps/actions-without-national-link', input, (n) => `${plural(n, 'action')} linked to no national outcome, aim or framework outcome${inPlan(input)}.`),
  },
  {
    id: 'actions-without-lead',
    title: 'Actions with no lead, or only a vague lead',
    explanation: 'Actions that no named organisation leads, including those whose lead as printed ("Responsible Authorities and Partners") names no body that can be held to it.',
    parameters: [PLAN, BASIS],
    run: (store, input) => actionsAnalysis(store, 'gaps/actions-without-lead', input, (n) => `${plural(n, 'action')} with no named lead${inPlan(input)}.`),
  },
  {
    id: 'actions-without-timescale',
    title: 'Actions with no timescale',
    explanation: 'Actions with no timescale, due date or year band: nobody can tell when they are late.',
    parameters: [PLAN],
    run: (store, input) => actionsAnalysis(store, 'gaps/actions-without-timescale', input, (n) => `${plural(n, 'action')} with no timescale${inPlan(input)}.`),
  },
  {
    id: 'overdue-actions',
    title: 'Overdue actions',
    explanation: 'Actions whose due date has passed by the chosen date while their latest progress is not complete (or "not required").',
    parameters: [PLAN, AS_OF, BASIS],
    run: (store, input) => actionsAnalysis(store, 'gaps/overdue-actions', input, (n) => `${plural(n, 'action')} overdue as of ${input.asOf}${inPlan(input)}.`),
  },
  {
    id: 'overdue-milestones',
    title: 'Overdue milestones',
    explanation: 'Milestones whose date has passed by the chosen date while the action they belong to is not complete.',
    parameters: [PLAN, AS_OF, BASIS],
    async run(store, input) {
      const [rows, names] = await Promise.all([cachedRows(store, 'gaps/overdue-milestones', { plan: input.plan, asOf: input.asOf, bases: input.bases }), planShortNames(store)]);
      const items = rows
        .map((r) => ({
          id: String(r.id),
          plan: text(r.plan),
          action: text(r.action),
          milestone: String(r.milestone),
          timescale: text(r.timescale),
          dueDate: text(r.dueDate),
          status: text(r.status),
        }))
        .sort((a, b) => byNumbers(`${a.plan}${a.action}${a.id}`, `${b.plan}${b.action}${b.id}`));
      const qualify = severalPlans(items.map((i) => i.plan));
      for (const i of items) if (qualify) i.action = qualifiedRef(i.plan ? names.get(i.plan) : null, i.action);
      return {
        summary: `${plural(items.length, 'milestone')} overdue as of ${input.asOf}${inPlan(input)}.`,
        columns: [
          { key: 'action', title: 'Action' },
          { key: 'milestone', title: 'Milestone' },
          { key: 'dueDate', title: 'Due' },
          { key: 'status', title: 'Action status' },
        ],
        rows: items,
        highlight: items.map((i) => i.id),
      };
    },
  },
  {
    id: 'shared-outcomes',
    title: 'Outcomes several organisations work on',
    explanation: 'Outcomes and aims served by actions that several different organisations lead. Worth a look for duplicated effort, or for a chance to work jointly.',
    parameters: [PLAN, BASIS],
    async run(store, input) {
      const items = (await organisationsPerOutcome(store, input)).filter((o) => o.organisations.length >= 2);
      const qualify = severalPlans(items.flatMap((o) => o.plans));
      const refs = await actionRefs(
        store,
        items.flatMap((o) => o.actions),
        qualify,
      );
      return {
        summary: `${plural(items.length, 'outcome or aim', 'outcomes and aims')} with actions led by two or more organisations${inPlan(input)}.`,
        columns: outcomeColumns,
        rows: items.map((o) => ({
          id: o.target.id,
          kind: KIND_NAMES[o.target.kind],
          ref: qualify ? qualifiedRef(o.target.planShort, o.target.ref) : o.target.ref,
          title: o.target.label,
          organisations: o.names,
          actions: o.actions.map((a) => refs.get(a)!),
        })),
        highlight: [...new Set(items.flatMap((o) => [o.target.id, ...o.organisations, ...o.actions]))],
      };
    },
  },
  {
    id: 'near-duplicate-actions',
    title: 'Near-duplicate actions across plans',
    explanation: 'Pairs of actions in different plans whose wording is alike (share most of their content words). The threshold sets how alike: 1 means the same words.',
    parameters: [PLAN, THRESHOLD],
    async run(store, input) {
      const [rows, names] = await Promise.all([store.read('gaps/action-texts', { plan: '' }), planShortNames(store)]);
      // In id order: the engine's scan order varies from run to run (it scans in parallel), and which action of
      // a pair is "first" follows the order the pairs are found in.
      const actions = rows
        .map((r) => ({
          id: String(r.id),
          ref: (r.ref as string) ?? '',
          plan: String(r.plan),
          title: String(r.title),
          words: contentWords(`${String(r.title)} ${String(r.objective ?? '')}`),
        }))
        .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      const pairs = alikePairs(
        actions.map((a) => a.words),
        input.threshold,
        (i, j) => actions[i]!.plan !== actions[j]!.plan && (!input.plan || actions[i]!.plan === input.plan || actions[j]!.plan === input.plan),
      ).map(({ a, b, similarity }) => ({ a: actions[a]!, b: actions[b]!, similarity }));
      pairs.sort((x, y) => y.similarity - x.similarity || x.a.id.localeCompare(y.a.id));
      return {
        summary: `${plural(pairs.length, 'pair')} of actions in different plans at least ${Math.round(input.threshold * 100)}% alike${inPlan(input)}.`,
        columns: [
          { key: 'similarity', title: 'Alike' },
          { key: 'first', title: 'Action' },
          { key: 'second', title: 'Alike action' },
        ],
        rows: pairs.map((p) => ({
          id: p.a.id,
          other: p.b.id,
          similarity: Math.round(p.similarity * 100) / 100,
          // The two actions stand in different plans: each reference names its plan.
          first: `${qualifiedRef(names.get(p.a.plan), p.a.ref)}: ${p.a.title}`,
          second: `${qualifiedRef(names.get(p.b.plan), p.b.ref)}: ${p.b.title}`,
        })),
        highlight: [...new Set(pairs.flatMap((p) => [p.a.id, p.b.id]))],
      };
    },
  },
  {
    id: 'single-points-of-failure',
    title: 'Single points of failure',
    explanation:
      'The organisations the partnership depends on alone: for each, the outcomes and aims that only its actions serve. If that organisation stops, nothing else in the plans moves them. Organisations with the most such outcomes come first.',
    parameters: [PLAN, BASIS],
    async run(store, input) {
      const sole = (await organisationsPerOutcome(store, input)).filter((o) => o.organisations.length === 1);
      const byOrg = new Map<string, { name: string; outcomes: NodeSummary[]; actions: Set<string>; plans: Set<string> }>();
      for (const o of sole) {
        const entry = byOrg.get(o.organisations[0]!) ?? { name: o.names[0]!, outcomes: [], actions: new Set<string>(), plans: new Set<string>() };
        entry.outcomes.push(o.target);
        for (const a of o.actions) entry.actions.add(a);
        for (const p of o.plans) entry.plans.add(p);
        byOrg.set(o.organisations[0]!, entry);
      }
      const items = [...byOrg].sort(([, a], [, b]) => b.outcomes.length - a.outcomes.length || a.name.localeCompare(b.name));
      const qualify = severalPlans(items.flatMap(([, e]) => [...e.plans]));
      const refs = await actionRefs(
        store,
        items.flatMap(([, e]) => [...e.actions]),
        qualify,
      );
      const outcomeName = (t: NodeSummary) => {
        const ref = qualify ? qualifiedRef(t.planShort, t.ref) : t.ref;
        return `${KIND_NAMES[t.kind]} ${ref ? `${ref} ` : ''}“${t.label}”`;
      };
      const byRef = (a: NodeSummary, b: NodeSummary) => a.kind.localeCompare(b.kind) || byNumbers(a.ref ?? a.label, b.ref ?? b.label);
      return {
        summary: `${plural(sole.length, 'outcome or aim', 'outcomes and aims')} served through exactly one organisation${inPlan(input)}, resting on ${plural(items.length, 'organisation')}.`,
        columns: [
          { key: 'organisation', title: 'Organisation' },
          { key: 'count', title: 'Outcomes only it serves' },
          { key: 'outcomes', title: 'Outcomes and aims' },
          { key: 'actions', title: 'Through its actions' },
        ],
        rows: items.map(([id, e]) => ({
          id,
          organisation: e.name,
          count: e.outcomes.length,
          outcomes: e.outcomes.sort(byRef).map(outcomeName),
          outcomeIds: e.outcomes.map((t) => t.id),
          actions: [...e.actions].sort((a, b) => byNumbers(refs.get(a)!, refs.get(b)!)).map((a) => refs.get(a)!),
        })),
        highlight: [...new Set(items.flatMap(([id, e]) => [id, ...e.outcomes.map((t) => t.id)]))],
      };
    },
  },
  {
    id: 'organisation-load',
    title: 'Organisation load',
    explanation: 'How many actions each organisation leads and partners in, busiest first.',
    parameters: [PLAN, BASIS],
    async run(store, input) {
      const rows = await store.read('gaps/organisation-load', { plan: input.plan, bases: input.bases });
      const items = rows
        .map((r) => ({ org: { id: String(r.id), name: String(r.name) }, leads: Number(r.leads), partners: Number(r.partners) }))
        .filter((i) => i.leads > 0 || i.partners > 0)
        .sort((a, b) => b.leads - a.leads || b.partners - a.partners || String(a.org.name).localeCompare(String(b.org.name)));
      return {
        summary: `${plural(items.filter((i) => i.leads > 0).length, 'organisation leads', 'organisations lead')} actions${inPlan(input)}; the busiest leads ${items[0]?.leads ?? 0}.`,
        columns: [
          { key: 'name', title: 'Organisation' },
          { key: 'leads', title: 'Actions led' },
          { key: 'partners', title: 'Actions partnered' },
        ],
        rows: items.map((i) => ({ id: String(i.org.id), name: String(i.org.name), leads: i.leads, partners: i.partners })),
        highlight: items.filter((i) => i.leads > 0).map((i) => String(i.org.id)),
      };
    },
  },
  {
    id: 'organisations-leading-nothing',
    title: 'Partners who lead nothing',
    explanation:
      'Organisations that appear as partners, consultees, attendees or members of groups but lead no action, priority or event: possible untapped capacity, or bodies the plans rely on without giving them a job.',
    parameters: [BASIS],
    async run(store, input) {
      const rows = await store.read('gaps/organisations-leading-nothing', { bases: input.bases });
      const items = rows
        .map((r) => ({ org: { id: String(r.id), name: String(r.name) }, roles: (r.roles as string[]).slice().sort(), appearances: Number(r.appearances) }))
        .sort((a, b) => b.appearances - a.appearances || String(a.org.name).localeCompare(String(b.org.name)));
      return {
        summary: `${plural(items.length, 'organisation')} take part but lead nothing${input.basis === 'printed' ? ', counting printed links only' : ''}.`,
        columns: [
          { key: 'name', title: 'Organisation' },
          { key: 'roles', title: 'Appears as' },
          { key: 'appearances', title: 'Appearances' },
        ],
        rows: items.map((i) => ({ id: String(i.org.id), name: String(i.org.name), roles: i.roles, appearances: i.appearances })),
        highlight: items.map((i) => String(i.org.id)),
      };
    },
  },
  {
    id: 'coverage-matrix',
    title: 'Coverage: organisations by national outcome',
    explanation:
      'For each national outcome, the organisations that lead actions serving it (or are partners in them, where an action names no lead) and how many. National outcomes no action serves are highlighted; the matrix view shows the same as a heatmap.',
    parameters: [PLAN, BASIS],
    async run(store, input) {
      const matrix = await coverageMatrix(store, { rows: 'organisation', cols: 'nationalOutcome', plan: input.plan || undefined, count: 'leads-else-partners', basis: input.basis });
      const names = new Map([...matrix.rows, ...matrix.cols].map((s) => [s.id, s]));
      const cells = matrix.cells
        .map((c) => ({ org: names.get(c.row)!, outcome: names.get(c.col)!, actions: c.actions }))
        // Ties (one outcome, equal counts) by the organisation's name and id: otherwise they came in the
        // engine's scan order, which LadybugDB varies from run to run (it scans in parallel).
        .sort((a, b) => byNumbers(a.outcome.id, b.outcome.id) || b.actions.length - a.actions.length || byNumbers(a.org.label, b.org.label) || byNumbers(a.org.id, b.org.id));
      const served = new Set(matrix.columns.filter((c) => c.actions > 0).map((c) => c.col));
      const uncovered = matrix.cols.filter((s) => !served.has(s.id));
      return {
        summary: `${plural(served.size, 'national outcome is', 'national outcomes are')} served by actions${inPlan(input)}; ${plural(uncovered.length, 'is', 'are')} served by none.`,
        columns: [
          { key: 'outcome', title: 'National Outcome' },
          { key: 'organisation', title: 'Organisation' },
          { key: 'count', title: 'Actions' },
        ],
        rows: cells.map((c) => ({
          id: c.outcome.id,
          organisationId: c.org.id,
          outcome: `${c.outcome.ref} ${c.outcome.label}`,
          organisation: c.org.label,
          count: c.actions.length,
          actions: c.actions,
        })),
        highlight: uncovered.map((s) => s.id),
      };
    },
  },
];

export function catalogue(): GapCatalogueEntry[] {
  return ANALYSES.map(({ id, title, explanation, parameters }) => ({ id, title, explanation, parameters: [...parameters] }));
}
