import {
  NODE_SCHEMAS,
  nodePropertyColumns,
  relationshipId,
  relationshipPropertyColumns,
  unflattenProvenance,
  type ChangeDiff,
  type DiffFieldChange,
  type DiffRelationship,
  type FieldValue,
  type NodeKind,
  type Provenance,
  type RelationshipType,
} from '../../model/index.js';
import type { NodeValue, Params, RelationshipValue, Row } from '../store/port.js';

/**
 * The part of the graph a change touches, loaded once, changed in memory operation by
 * operation, and compared with what was loaded to give the diff. Planning a dry run
 * reads through the store; a commit reads through its own transaction, so the diff it
 * writes is the diff of the graph it writes to.
 */

export type Reader = (name: string, params?: Params) => Promise<Row[]>;

export type NodeState = { id: string; kind: NodeKind; version: number; props: Record<string, FieldValue>; provenance: Provenance };
export type RelState = DiffRelationship & { fromKind: NodeKind; toKind: NodeKind };

/** Rows per lookup: keeps each statement's parameter list bounded. */
const BATCH = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

/** Every column of the kind, absent ones as null, so that before and after compare field by field. */
export function fieldValues(kind: NodeKind, props: Record<string, unknown>): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const col of nodePropertyColumns(kind)) out[col.name] = (props[col.name] ?? null) as FieldValue;
  return out;
}

/** Only the fields that hold a value, as the domain model's schemas take them. */
export function presentValues(values: Record<string, FieldValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

export function nodeStateOf(value: NodeValue): NodeState {
  const kind = value.label as NodeKind;
  const raw = value.properties;
  // Parsed by the model so that defaults (aliases: []) read the same as a freshly validated input.
  const parsed = NODE_SCHEMAS[kind].safeParse(presentValues(fieldValues(kind, raw)));
  const props = parsed.success ? (parsed.data as Record<string, unknown>) : presentValues(fieldValues(kind, raw));
  return { id: String(raw.id), kind, version: Number(raw.version ?? 0), props: fieldValues(kind, props), provenance: unflattenProvenance(raw) };
}

export function relStateOf(rel: RelationshipValue, from: string, to: string, fromKind: NodeKind, toKind: NodeKind): RelState {
  const type = rel.type as RelationshipType;
  const props: Record<string, FieldValue> = {};
  for (const col of relationshipPropertyColumns(type)) props[col.name] = (rel.properties[col.name] ?? null) as FieldValue;
  return { id: relationshipId(from, type, to), type, from, to, props, provenance: unflattenProvenance(rel.properties), fromKind, toKind };
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export class WorkingGraph {
  /** As loaded: null means loaded and absent. */
  private readonly nodesBefore = new Map<string, NodeState | null>();
  private readonly relsBefore = new Map<string, RelState | null>();
  readonly nodes = new Map<string, NodeState | null>();
  readonly rels = new Map<string, RelState | null>();
  /** Nodes whose outgoing (and, for `both`, incoming) relationships are all loaded. */
  private readonly relsLoaded = new Map<string, 'out' | 'both'>();

  constructor(private readonly read: Reader) {}

  /** Loads the nodes with these ids (absent ones are remembered as absent). */
  async loadNodes(ids: Iterable<string>): Promise<void> {
    const wanted = [...new Set(ids)].filter((id) => !this.nodesBefore.has(id));
    for (const batch of chunks(wanted)) {
      const found = new Map<string, NodeState>();
      for (const row of await this.read('graph/nodes-by-id', { ids: batch })) {
        const state = nodeStateOf(row.n as NodeValue);
        found.set(state.id, state);
      }
      for (const id of batch) {
        const state = found.get(id) ?? null;
        this.nodesBefore.set(id, state);
        this.nodes.set(id, state && structuredClone(state));
      }
    }
  }

  /** Loads every relationship leaving (and with `both`, arriving at) these nodes. */
  async loadRelationships(ids: Iterable<string>, direction: 'out' | 'both'): Promise<void> {
    const needOut = [...new Set(ids)].filter((id) => !this.relsLoaded.has(id));
    const needIn = [...new Set(ids)].filter((id) => direction === 'both' && this.relsLoaded.get(id) !== 'both');
    const add = (row: Row) => {
      const rel = row.r as RelationshipValue;
      const other = row.m as NodeValue;
      const source = String(row.source);
      const target = String(row.target);
      const otherKind = other.label as NodeKind;
      const self = this.nodesBefore.get(source === String(other.properties.id) ? target : source);
      const selfKind = self?.kind ?? otherKind;
      const fromKind = source === String(other.properties.id) ? otherKind : selfKind;
      const toKind = target === String(other.properties.id) ? otherKind : selfKind;
      const state = relStateOf(rel, source, target, fromKind, toKind);
      if (!this.relsBefore.has(state.id)) {
        this.relsBefore.set(state.id, state);
        this.rels.set(state.id, structuredClone(state));
      }
    };
    await this.loadNodes([...needOut, ...needIn]);
    for (const batch of chunks(needOut)) for (const row of await this.read('graph/relationships-out', { ids: batch })) add(row);
    for (const batch of chunks(needIn)) for (const row of await this.read('graph/relationships-in', { ids: batch })) add(row);
    for (const id of needOut) this.relsLoaded.set(id, direction);
    for (const id of needIn) this.relsLoaded.set(id, 'both');
  }

  node(id: string): NodeState | null {
    return this.nodes.get(id) ?? null;
  }

  /** As it was before the change. */
  nodeBefore(id: string): NodeState | null {
    return this.nodesBefore.get(id) ?? null;
  }

  rel(id: string): RelState | null {
    return this.rels.get(id) ?? null;
  }

  /** Relationships touching a node now (only those loaded: load `both` first). */
  relsOf(id: string): RelState[] {
    return [...this.rels.values()].filter((r): r is RelState => r !== null && (r.from === id || r.to === id));
  }

  setNode(state: NodeState): void {
    this.nodes.set(state.id, state);
  }

  removeNode(id: string): void {
    for (const rel of this.relsOf(id)) this.rels.set(rel.id, null);
    this.nodes.set(id, null);
  }

  setRel(state: RelState): void {
    if (!this.relsBefore.has(state.id)) this.relsBefore.set(state.id, null);
    this.rels.set(state.id, state);
  }

  removeRel(id: string): void {
    this.rels.set(id, null);
  }

  /**
   * The diff between what was loaded and the working state. Every changed node's
   * version goes up by exactly one, however many operations touched it.
   */
  diff(): { diff: ChangeDiff; relKinds: Map<string, RelState> } {
    const diff: ChangeDiff = { nodes: { added: [], updated: [], removed: [] }, relationships: { added: [], removed: [] } };
    for (const [id, after] of this.nodes) {
      const before = this.nodesBefore.get(id) ?? null;
      if (!before && after) diff.nodes.added.push(structuredClone(after));
      else if (before && !after) diff.nodes.removed.push(structuredClone(before));
      else if (before && after) {
        const fields: DiffFieldChange[] = [];
        for (const field of Object.keys(after.props)) {
          if (!same(before.props[field], after.props[field])) fields.push({ field, before: before.props[field] ?? null, after: after.props[field] ?? null });
        }
        // Provenance is not a field a user edits, but a reloaded seed may correct a quote.
        if (!same(before.provenance, after.provenance)) {
          fields.push({ field: 'provenance', before: JSON.stringify(before.provenance), after: JSON.stringify(after.provenance) });
        }
        if (fields.length) diff.nodes.updated.push({ id, kind: after.kind, versionBefore: before.version, versionAfter: before.version + 1, fields });
      }
    }
    const relKinds = new Map<string, RelState>();
    const strip = ({ fromKind: _f, toKind: _t, ...rel }: RelState): DiffRelationship => structuredClone(rel);
    for (const [id, after] of this.rels) {
      const before = this.relsBefore.get(id) ?? null;
      if (before && after && same(strip(before), strip(after))) continue;
      if (before) {
        diff.relationships.removed.push(strip(before));
        relKinds.set(`removed ${id}`, before);
      }
      if (after) {
        diff.relationships.added.push(strip(after));
        relKinds.set(`added ${id}`, after);
      }
    }
    return { diff, relKinds };
  }

  /** What the writer writes: the whole after-state of every added or updated node. */
  nodesToWrite(diff: ChangeDiff): NodeState[] {
    const versions = new Map(diff.nodes.updated.map((u) => [u.id, u.versionAfter]));
    return [...diff.nodes.added.map((n) => n.id), ...diff.nodes.updated.map((u) => u.id)].map((id) => {
      const state = structuredClone(this.nodes.get(id)!);
      if (versions.has(id)) state.version = versions.get(id)!;
      return state;
    });
  }
}
