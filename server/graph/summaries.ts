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
import type { GraphStore, NodeValue, RelationshipValue } from '../store/port.js';

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
  if (kind === 'NationalOutcome') return `NO${value}`;
  if (kind === 'StrategicAim') return `Aim ${value}`;
  return String(value);
}

export function labelOf(kind: NodeKind, props: Record<string, unknown>): string {
  const text = props[LABEL_PROPERTY[kind]];
  return typeof text === 'string' ? text : String(props.id ?? '');
}

export type PlanIndex = Map<string, string>;

/** Which plan each node belongs to, read once per request. */
export async function planIndex(store: GraphStore): Promise<PlanIndex> {
  const rows = await store.read('graph/plan-membership');
  const index: PlanIndex = new Map();
  for (const r of rows) index.set(String(r.id), String(r.plan));
  return index;
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
    plan: kind === 'Plan' ? id : (plans?.get(id) ?? null),
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function nodeElementData(node: NodeValue, plans?: PlanIndex): NodeElementData {
  const props = node.properties;
  return {
    ...summaryOf(node, plans),
    status: str(props.status),
    yearBand: str(props.yearBand),
    dueDate: str(props.dueDate),
    leadVague: typeof props.leadVague === 'boolean' ? props.leadVague : null,
    orgType: str(props.orgType),
  };
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
