import type { Basis, EdgeElementData, GraphElements, NodeElementData, NodeKind, NodeSummary, RelationshipType, ThreadPath, ThreadResponse } from '../../model/index.js';
import { BASES, basisClass } from '../../model/vocabulary.js';
import type { GraphStore, Row } from '../store/port.js';
import { nodeSummaries, summaryFromElementData } from '../graph/summaries.js';
import { HttpError, notFound } from '../api/errors.js';

/**
 * The golden thread: from an action (or local outcome or priority) every chain of
 * SERVES links up to national outcomes, aims and framework outcomes; from a national
 * outcome, aim or framework outcome every action beneath it, with its path and lead.
 */

export const THREAD_UP_KINDS: readonly NodeKind[] = ['Action', 'LocalOutcome', 'Priority'];
export const THREAD_DOWN_KINDS: readonly NodeKind[] = ['NationalOutcome', 'StrategicAim', 'FrameworkOutcome'];
/** Kinds with no thread of their own that show the thread of what they belong to: their action, or what they measure. */
export const THREAD_VIA_KINDS: readonly NodeKind[] = ['Milestone', 'ProgressUpdate', 'Indicator'];

type RawPath = { nodes: string[]; rels: string[]; bases: (string | null)[] };

function rawPaths(rows: { nodes?: unknown; rels?: unknown; bases?: unknown }[]): RawPath[] {
  return rows.map((r) => ({
    nodes: (r.nodes as string[]).map(String),
    rels: (r.rels as string[]).map(String),
    bases: ((r.bases as (string | null)[] | undefined) ?? []).map((b) => (b == null ? null : String(b))),
  }));
}

/** A path is printed when the document prints every one of its links; an unknown basis counts as not printed. */
function allPrinted(bases: (string | null)[]): boolean {
  return bases.every((b) => b !== null && (BASES as readonly string[]).includes(b) && basisClass(b as Basis) === 'printed');
}

/** Keeps only the longest chains: a chain that another one extends says nothing more. */
export function maximalPaths<T extends { nodes: string[] }>(paths: T[]): T[] {
  const keys = paths.map((p) => p.nodes.join('>'));
  return paths.filter((_p, i) => !keys.some((k, j) => j !== i && k.length > keys[i]!.length && k.startsWith(keys[i]! + '>')));
}

function toThreadPaths(raw: RawPath[]): ThreadPath[] {
  return raw.map((p) => ({ nodes: p.nodes, edges: p.rels, lead: null, bases: p.bases, printed: allPrinted(p.bases) }));
}

function elementsOf(raw: RawPath[], nodes: Map<string, NodeElementData>): GraphElements {
  const edges = new Map<string, EdgeElementData>();
  for (const p of raw) {
    p.rels.forEach((id, i) => {
      edges.set(id, { id, source: p.nodes[i]!, target: p.nodes[i + 1]!, type: 'SERVES', role: null, linkBasis: p.bases[i] ?? null });
    });
  }
  return { nodes: [...nodes.values()].map((data) => ({ data })), edges: [...edges.values()].map((data) => ({ data })) };
}

const KIND_WORDS: Record<NodeKind, string> = {
  Plan: 'plan',
  Organisation: 'organisation',
  Action: 'Action',
  Milestone: 'milestone',
  ProgressUpdate: 'progress update',
  LocalOutcome: 'local outcome',
  Priority: 'priority',
  StrategicAim: 'Strategic Aim',
  FrameworkOutcome: 'framework outcome',
  NationalOutcome: 'National Outcome',
  Indicator: 'indicator',
  Event: 'event',
  Funding: 'funding',
  Programme: 'programme',
  Output: 'output',
};

/**
 * "Action 2.5.7 “…”" or "local outcome “To improve ability…”": how a thread sentence names
 * a node; with `withPlan`, the reference carries its plan: "Action LCJA 2008 · 2.5.7".
 */
export function spoken(summary: NodeSummary, withPlan = false): string {
  const s = { ...summary, label: summary.label.replace(/[.;:,\s]+$/, '') };
  const word = KIND_WORDS[s.kind];
  if (s.kind === 'NationalOutcome') return `National Outcome ${s.ref?.replace(/^NO/, '') ?? ''} “${s.label}”`;
  if (s.kind === 'StrategicAim') return `Strategic Aim ${s.ref?.replace(/^Aim /, '') ?? ''} “${s.label}”`;
  if (s.kind === 'FrameworkOutcome') return `framework outcome ${s.ref} “${s.label}”`;
  const plan = withPlan && s.planShort ? `${s.planShort} · ` : '';
  if (s.ref) return `${word} ${plan}${s.ref} “${s.label}”`;
  return `${word} ${withPlan && s.planShort ? `(${s.planShort}) ` : ''}“${s.label}”`;
}

/** Whether the nodes come from more than one plan, so that references must name theirs. */
export function severalPlans(summaries: Iterable<NodeSummary>): boolean {
  return new Set([...summaries].map((s) => s.plan).filter(Boolean)).size > 1;
}

/** One sentence per path, lowest node first: "Action 2.5.7 serves …, which serves National Outcome 9 …". */
export function describePaths(paths: ThreadPath[], summaries: Map<string, NodeSummary>, withPlan = severalPlans(summaries.values())): string {
  if (paths.length === 0) return '';
  const sentences = paths.map((p) => {
    const [first, ...rest] = p.nodes.map((id) => spoken(summaries.get(id)!, withPlan));
    // A planner must tell "the plan says so" from "we worked it out": inferred links say so in the sentence.
    const how = (i: number) => {
      const b = p.bases?.[i];
      return b && (BASES as readonly string[]).includes(b) && basisClass(b as Basis) !== 'printed' ? ` (${basisClass(b as Basis)}: ${b})` : '';
    };
    const chain = rest.map((n, i) => (i === 0 ? `serves ${n}${how(i)}` : `which serves ${n}${how(i)}`)).join(', ');
    const lead = p.lead ? ` (led by ${p.lead})` : '';
    return `${first}${lead} ${chain}.`;
  });
  return [...new Set(sentences)].join(' ');
}

export async function threadDown(store: GraphStore, id: string): Promise<{ paths: ThreadPath[] }> {
  return { paths: toThreadPaths(rawPaths(await store.read('thread/down', { id }))) };
}

export async function goldenThread(store: GraphStore, id: string): Promise<ThreadResponse> {
  const originData = (await nodeSummaries(store, [id])).get(id);
  if (!originData) throw notFound(`no node with id ${id}`);
  if (THREAD_VIA_KINDS.includes(originData.kind)) return threadThrough(store, summaryFromElementData(originData));
  const up = THREAD_UP_KINDS.includes(originData.kind);
  if (!up && !THREAD_DOWN_KINDS.includes(originData.kind)) {
    throw new HttpError(
      400,
      'bad_request',
      `a golden thread starts from an action, local outcome, priority, national outcome, strategic aim or framework outcome, or from a milestone, progress update or indicator (the thread of what it belongs to); ${id} is a ${originData.kind}`,
      [{ field: 'id', reason: `${originData.kind} has no golden thread` }],
    );
  }
  const raw = rawPaths(await store.read(up ? 'thread/up' : 'thread/down', { id }));
  let paths = toThreadPaths(raw);
  if (up) paths = maximalPaths(paths);

  let leadRows: Row[] = [];
  if (!up) {
    const actions = [...new Set(paths.map((p) => p.nodes[0]!))];
    leadRows = actions.length ? await store.read('thread/leads', { ids: actions }) : [];
    const leadNames = new Map<string, string[]>();
    for (const r of leadRows) leadNames.set(String(r.action), [...(leadNames.get(String(r.action)) ?? []), String(r.name)]);
    paths = paths.map((p) => ({ ...p, lead: leadNames.get(p.nodes[0]!)?.join(' and ') ?? null }));
  }
  // Leads are part of the downward picture: the explorer groups the actions by who leads them.
  const nodes = await nodeSummaries(store, [id, ...raw.flatMap((p) => p.nodes), ...leadRows.map((r) => String(r.organisation))]);
  const elements = elementsOf(raw, nodes);
  for (const r of leadRows) {
    elements.edges.push({
      data: {
        id: String(r.relationship),
        source: String(r.organisation),
        target: String(r.action),
        type: 'LEADS',
        role: (r.role as string | null) ?? null,
        linkBasis: (r.linkBasis as string | null) ?? null,
      },
    });
  }
  const summaries = new Map([...nodes].map(([k, d]) => [k, summaryFromElementData(d)]));
  const origin = summaries.get(id)!;
  return { origin, direction: up ? 'up' : 'down', paths, elements, description: describeThread(origin, up, paths, summaries), belongsTo: [] };
}

/** The sentences of an upward or downward thread (not one through a milestone, progress update or indicator). */
export function describeThread(origin: NodeSummary, up: boolean, paths: ThreadPath[], summaries: Map<string, NodeSummary>): string {
  if (paths.length) return describePaths(paths, summaries);
  return up ? `${spoken(origin)} is linked to no national outcome, aim or framework outcome.` : `No action serves ${spoken(origin)}.`;
}

const BELONGS_WORDS: Record<string, string> = { HAS_MILESTONE: 'is a milestone of', HAS_PROGRESS: 'is a progress update of', MEASURES: 'measures' };

/**
 * The thread of a milestone, progress update or indicator: the upward thread of the
 * action it belongs to (or of what the indicator measures), each path starting from the
 * item itself. An indicator of a national outcome has the one-step path to it.
 */
async function threadThrough(store: GraphStore, origin: NodeSummary): Promise<ThreadResponse> {
  const owners = (await store.read('thread/belongs-to', { id: origin.id })).map((r) => ({
    owner: String(r.owner),
    rel: String(r.rel),
    type: String(r.type) as RelationshipType,
    basis: r.basis == null ? null : String(r.basis),
  }));
  const ownerData = await nodeSummaries(
    store,
    owners.map((o) => o.owner),
  );
  const raw: RawPath[] = [];
  const upward: RawPath[] = [];
  for (const o of owners) {
    const kind = ownerData.get(o.owner)?.kind;
    const above = kind && THREAD_UP_KINDS.includes(kind) ? maximalPaths(rawPaths(await store.read('thread/up', { id: o.owner }))) : [];
    upward.push(...above);
    if (above.length === 0) raw.push({ nodes: [origin.id, o.owner], rels: [o.rel], bases: [o.basis] });
    for (const p of above) raw.push({ nodes: [origin.id, ...p.nodes], rels: [o.rel, ...p.rels], bases: [o.basis, ...p.bases] });
  }
  const nodes = await nodeSummaries(store, [origin.id, ...raw.flatMap((p) => p.nodes)]);
  const elements = elementsOf(upward, nodes);
  for (const o of owners) {
    // The real direction of the link: the action has the milestone; the indicator measures its target.
    const [source, target] = o.type === 'MEASURES' ? [origin.id, o.owner] : [o.owner, origin.id];
    elements.edges.push({ data: { id: o.rel, source, target, type: o.type, role: null, linkBasis: o.basis } });
  }
  const summaries = new Map([...nodes].map(([k, d]) => [k, summaryFromElementData(d)]));
  const withPlan = severalPlans(summaries.values());
  const belongsTo = owners.map((o) => summaries.get(o.owner)!).filter(Boolean);
  const paths = toThreadPaths(raw);
  const first = spoken(origin, withPlan);
  const description =
    owners.length === 0
      ? `${first} belongs to no action and measures nothing, so it has no golden thread.`
      : [...owners.map((o) => `${first} ${BELONGS_WORDS[o.type] ?? 'belongs to'} ${spoken(summaries.get(o.owner)!, withPlan)}.`), describePaths(toThreadPaths(upward), summaries, withPlan)]
          .filter(Boolean)
          .join(' ');
  return { origin, direction: 'up', paths, elements, description, belongsTo };
}
