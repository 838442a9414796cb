import {
  LABEL_PROPERTY,
  NODE_KINDS,
  REFERENCE_PROPERTY,
  unflattenProvenance,
  type EdgeElementData,
  type NodeElementData,
  type NodeKind,
  type NodeSummary,
  type RelationshipType,
} from '../../model/index.js';
import type { GraphStore, NodeValue, RelationshipValue, Row } from '../store/port.js';
import { planShortNames } from './planNames.js';
import { cached, isCached } from './readCache.js';

/**
 * Turns engine values into what the API and the map show: node summaries and
 * Cytoscape element data. One function per shape, used by every route, so the map
 * and the lists always agree on labels and references.
 */

const KINDS = new Set<string>(NODE_KINDS);

export function isNodeKind(label: string): label is NodeKind {
  return KINDS.has(label);
}

/** The printed reference of a node, as a planner would say it: "2.5.7", "NO9", "O2", "Aim 1". */
export function referenceOf(kind: NodeKind, props: Record<string, unknown>): string | null {
  const key = REFERENCE_PROPERTY[kind];
  const value = key ? props[key] : undefined;
  if (value === undefined || value === null || value === '') return null;
  if (kind === 'NationalOutcome') return `NO${String(value)}`;
  if (kind === 'StrategicAim') return `Aim ${String(value)}`;
  return String(value);
}

export function labelOf(kind: NodeKind, props: Record<string, unknown>): string {
  const text = props[LABEL_PROPERTY[kind]];
  return typeof text === 'string' ? text : String(props.id ?? '');
}

/** Which plan each node belongs to (node id → plan id), and each plan's short name (plan id → "LCJA 2008"). */
export type PlanIndex = { planOf: Map<string, string>; shortName: Map<string, string> };

/** Which plan each node belongs to and each plan's short name; cached until a change of plan membership or of a plan's names (see readCache). */
export function planIndex(store: GraphStore): Promise<PlanIndex> {
  return cached(store, 'plan-index', async (reading) => {
    const [rows, shortName] = await Promise.all([reading.read('graph/plan-membership'), planShortNames(reading)]);
    const planOf = new Map<string, string>();
    for (const r of rows) planOf.set(String(r.id), String(r.plan));
    return { planOf, shortName };
  });
}

function planFields(kind: NodeKind, id: string, plans: PlanIndex | undefined): { plan: string | null; planShort: string | null } {
  const plan = kind === 'Plan' ? id : (plans?.planOf.get(id) ?? null);
  return { plan, planShort: plan ? (plans?.shortName.get(plan) ?? null) : null };
}

export function summaryOf(node: NodeValue, plans?: PlanIndex): NodeSummary {
  const kind = node.label as NodeKind;
  const props = node.properties;
  const id = String(props.id);
  return {
    id,
    kind,
    label: labelOf(kind, props),
    ref: referenceOf(kind, props),
    ...planFields(kind, id, plans),
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * A row of `graph/node-summaries` (scalar columns, far cheaper to read than whole nodes)
 * as element data.
 */
export function elementDataFromRow(row: Row, plans?: PlanIndex): NodeElementData {
  const kind = String(row.kind) as NodeKind;
  const id = String(row.id);
  const number = row.number;
  const ref = kind === 'NationalOutcome' && number !== null ? `NO${String(number)}` : kind === 'StrategicAim' && number !== null ? `Aim ${String(number)}` : str(row.ref) || null;
  return {
    id,
    kind,
    label: str(row.label) ?? id,
    ref,
    ...planFields(kind, id, plans),
    status: str(row.status),
    yearBand: str(row.yearBand),
    dueDate: str(row.dueDate),
    leadVague: typeof row.leadVague === 'boolean' ? row.leadVague : null,
    orgType: str(row.orgType),
  };
}

export function summaryFromElementData(d: NodeElementData): NodeSummary {
  return { id: d.id, kind: d.kind, label: d.label, ref: d.ref, plan: d.plan, planShort: d.planShort ?? null };
}

/** Plans of a few nodes: the cached index when it is warm, else a lookup of just those ids (cheap after a write). */
async function plansOf(store: GraphStore, ids: string[]): Promise<PlanIndex> {
  if (ids.length > 500 || isCached(store, 'plan-index')) return planIndex(store);
  const [rows, shortName] = await Promise.all([ids.length ? store.read('graph/plan-of', { ids }) : Promise.resolve([]), planShortNames(store)]);
  return { planOf: new Map(rows.map((r) => [String(r.id), String(r.plan)])), shortName };
}

/** Element data of the given nodes, by id; unknown ids are left out. */
export async function nodeSummaries(store: GraphStore, ids: Iterable<string>): Promise<Map<string, NodeElementData>> {
  const unique = [...new Set(ids)];
  const [rows, plans] = await Promise.all([unique.length ? store.read('graph/node-summaries', { ids: unique }) : Promise.resolve([]), plansOf(store, unique)]);
  return new Map(rows.map((r) => [String(r.id), elementDataFromRow(r, plans)]));
}

export function edgeElementData(rel: RelationshipValue, source: string, target: string): EdgeElementData {
  return {
    id: String(rel.properties.id ?? `${source}|${rel.type}|${target}`),
    source,
    target,
    type: rel.type as RelationshipType,
    role: str(rel.properties.role),
    linkBasis: str(rel.properties.linkBasis),
  };
}

export function relationshipProvenance(rel: RelationshipValue) {
  return unflattenProvenance(rel.properties);
}
