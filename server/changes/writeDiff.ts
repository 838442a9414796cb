import type { ChangeDiff, RelationshipInput } from '../../model/index.js';
import { kebab, endpointQueryName } from '../cypher/fromModel.js';
import { nodeParams, relationshipParams } from '../graph/records.js';
import type { Transaction } from '../store/port.js';
import { presentValues, type NodeState, type RelState } from './workingGraph.js';

/**
 * Writes a planned diff inside the pipeline's transaction: the only code that runs the
 * generated node and relationship write queries. Batches of one UNWIND statement per
 * kind and per endpoint pair keep the seed's load to a few dozen statements.
 */

const BATCH = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export type DiffWrites = {
  diff: ChangeDiff;
  /** Whole after-state of every added or updated node. */
  nodes: NodeState[];
  /** Endpoint kinds of every added and removed relationship, keyed `added <id>` / `removed <id>`. */
  relKinds: Map<string, RelState>;
};

export async function writeDiff(tx: Transaction, { diff, nodes, relKinds }: DiffWrites): Promise<void> {
  const addedRelIds = new Set(diff.relationships.added.map((r) => r.id));
  // Removed first (a relationship replaced by one with other properties is removed, then added).
  for (const rel of diff.relationships.removed) {
    const kinds = relKinds.get(`removed ${rel.id}`)!;
    if (addedRelIds.has(rel.id)) continue; // the upsert below replaces it in place
    await tx.run(`relationships/delete-${endpointQueryName(rel.type, kinds.fromKind, kinds.toKind)}`, { from: rel.from, to: rel.to });
  }
  for (const node of diff.nodes.removed) await tx.run(`nodes/delete-${kebab(node.kind)}`, { id: node.id });

  for (const [kind, group] of groupBy(nodes, (n) => n.kind)) {
    for (const batch of chunks(group)) {
      const rows = batch.map((n) => nodeParams({ kind: n.kind, id: n.id, props: presentValues(n.props), provenance: n.provenance } as never, n.version));
      await tx.run(`nodes/upsert-${kebab(kind)}`, { rows });
    }
  }
  const added = diff.relationships.added.map((rel) => ({ rel, kinds: relKinds.get(`added ${rel.id}`)! }));
  for (const [query, group] of groupBy(added, ({ rel, kinds }) => `relationships/upsert-${endpointQueryName(rel.type, kinds.fromKind, kinds.toKind)}`)) {
    for (const batch of chunks(group)) {
      const rows = batch.map(({ rel }) => relationshipParams({ ...rel, props: presentValues(rel.props) } as RelationshipInput, rel.id));
      await tx.run(query, { rows });
    }
  }
}
