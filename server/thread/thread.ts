import type { GraphElements, NodeKind, NodeSummary, ThreadPath, ThreadResponse } from '../../model/index.js';
import type { GraphStore, NodeValue, RelationshipValue } from '../store/port.js';
import { edgeElementData, nodeElementData, planIndex, summaryOf, type PlanIndex } from '../graph/summaries.js';
import { getNode } from '../graph/graphReader.js';
import { HttpError, notFound } from '../api/errors.js';

/**
 * The golden thread: from an action (or local outcome or priority) every chain of
 * SERVES links up to national outcomes, aims and framework outcomes; from a national
 * outcome, aim or framework outcome every action beneath it, with its path and lead.
 */

export const THREAD_UP_KINDS: readonly NodeKind[] = ['Action', 'LocalOutcome', 'Priority'];
export const THREAD_DOWN_KINDS: readonly NodeKind[] = ['NationalOutcome', 'StrategicAim', 'FrameworkOutcome'];

type RawPath = { nodes: NodeValue[]; rels: RelationshipValue[] };

function rawPaths(rows: { nodes?: unknown; rels?: unknown }[]): RawPath[] {
  return rows.map((r) => ({ nodes: r.nodes as NodeValue[], rels: r.rels as RelationshipValue[] }));
}

const idOf = (n: NodeValue) => String(n.properties.id);

/** Keeps only the longest chains: a chain that another one extends says nothing more. */
export function maximalPaths<T extends { nodes: string[] }>(paths: T[]): T[] {
  const key = (p: T) => p.nodes.join('>');
  const keys = paths.map(key);
  return paths.filter((_p, i) => !keys.some((k, j) => j !== i && k.length > keys[i]!.length && k.startsWith(keys[i]! + '>')));
}

function toThreadPaths(raw: RawPath[]): ThreadPath[] {
  return raw.map((p) => ({
    nodes: p.nodes.map(idOf),
    edges: p.rels.map((r) => String(r.properties.id)),
    lead: null,
  }));
}

function elementsOf(raw: RawPath[], plans: PlanIndex, extra: NodeValue[] = []): GraphElements {
  const nodes = new Map<string, NodeValue>();
  const edges = new Map<string, ReturnType<typeof edgeElementData>>();
  for (const n of extra) nodes.set(idOf(n), n);
  for (const p of raw) {
    p.nodes.forEach((n) => nodes.set(idOf(n), n));
    p.rels.forEach((r, i) => {
      const data = edgeElementData(r, idOf(p.nodes[i]!), idOf(p.nodes[i + 1]!));
      edges.set(data.id, data);
    });
  }
  return {
    nodes: [...nodes.values()].map((n) => ({ data: nodeElementData(n, plans) })),
    edges: [...edges.values()].map((data) => ({ data })),
  };
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
};

/** "Action 2.5.7" or "local outcome “To improve ability…”": how a thread sentence names a node. */
export function spoken(summary: NodeSummary): string {
  const s = { ...summary, label: summary.label.replace(/[.;:,\s]+$/, '') };
  const word = KIND_WORDS[s.kind];
  if (s.kind === 'NationalOutcome') return `National Outcome ${s.ref?.replace(/^NO/, '') ?? ''} “${s.label}”`;
  if (s.kind === 'StrategicAim') return `Strategic Aim ${s.ref?.replace(/^Aim /, '') ?? ''} “${s.label}”`;
  if (s.kind === 'FrameworkOutcome') return `framework outcome ${s.ref} “${s.label}”`;
  if (s.ref) return `${word} ${s.ref} “${s.label}”`;
  return `${word} “${s.label}”`;
}

/** One sentence per path, lowest node first: "Action 2.5.7 serves …, which serves National Outcome 9 …". */
export function describePaths(paths: ThreadPath[], summaries: Map<string, NodeSummary>): string {
  if (paths.length === 0) return '';
  const sentences = paths.map((p) => {
    const [first, ...rest] = p.nodes.map((id) => spoken(summaries.get(id)!));
    const chain = rest.map((n, i) => (i === 0 ? `serves ${n}` : `which serves ${n}`)).join(', ');
    const lead = p.lead ? ` (led by ${p.lead})` : '';
    return `${first}${lead} ${chain}.`;
  });
  return [...new Set(sentences)].join(' ');
}

export async function threadDown(store: GraphStore, id: string): Promise<{ paths: ThreadPath[]; raw: RawPath[] }> {
  const raw = rawPaths(await store.read('thread/down', { id }));
  return { paths: toThreadPaths(raw), raw };
}

export async function goldenThread(store: GraphStore, id: string): Promise<ThreadResponse> {
  const origin = await getNode(store, id);
  if (!origin) throw notFound(`no node with id ${id}`);
  const up = THREAD_UP_KINDS.includes(origin.kind);
  if (!up && !THREAD_DOWN_KINDS.includes(origin.kind)) {
    throw new HttpError(400, 'bad_request', `a golden thread starts from an action, local outcome, priority, national outcome, strategic aim or framework outcome; ${id} is a ${origin.kind}`, [
      { field: 'id', reason: `${origin.kind} has no golden thread` },
    ]);
  }
  const [rows, plans, originRows] = await Promise.all([
    store.read(up ? 'thread/up' : 'thread/down', { id }),
    planIndex(store),
    store.read('nodes/get-node', { id }),
  ]);
  const originNode = originRows[0]!.n as NodeValue;
  const raw = rawPaths(rows);
  let paths = toThreadPaths(raw);
  if (up) paths = maximalPaths(paths);
  const summaries = new Map<string, NodeSummary>();
  summaries.set(id, summaryOf(originNode, plans));
  for (const p of raw) for (const n of p.nodes) summaries.set(idOf(n), summaryOf(n, plans));
  const elements = elementsOf(raw, plans, [originNode]);

  if (!up) {
    const actions = [...new Set(paths.map((p) => p.nodes[0]!))];
    const leadRows = actions.length ? await store.read('thread/leads', { ids: actions }) : [];
    const leadNames = new Map<string, string[]>();
    for (const r of leadRows) leadNames.set(String(r.action), [...(leadNames.get(String(r.action)) ?? []), String(r.name)]);
    paths = paths.map((p) => ({ ...p, lead: leadNames.get(p.nodes[0]!)?.join(' and ') ?? null }));
    // Leads are part of the picture: the thread groups actions by who leads them.
    const orgIds = [...new Set(leadRows.map((r) => String(r.organisation)))];
    if (orgIds.length) {
      const orgs = await store.read('graph/nodes-by-id', { ids: orgIds });
      for (const r of orgs) elements.nodes.push({ data: { ...summaryOf(r.n as NodeValue, plans), status: null, yearBand: null, dueDate: null, leadVague: null, orgType: ((r.n as NodeValue).properties.orgType as string) ?? null } });
      for (const r of leadRows) {
        elements.edges.push({ data: { id: String(r.relationship), source: String(r.organisation), target: String(r.action), type: 'LEADS', role: (r.role as string | null) ?? null, linkBasis: null } });
      }
    }
  }
  const origin_ = summaries.get(id)!;
  const description =
    paths.length === 0
      ? up
        ? `${spoken(origin_)} is linked to no national outcome, aim or framework outcome.`
        : `No action serves ${spoken(origin_)}.`
      : describePaths(paths, summaries);
  return { origin: origin_, direction: up ? 'up' : 'down', paths, elements, description };
}
