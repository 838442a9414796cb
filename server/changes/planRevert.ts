import type { ChangeDiff, FieldValue } from '../../model/changes.js';
import type { FieldIssue } from '../graph/validationError.js';
import { ConflictError, type CurrentValues } from './errors.js';
import { same, type WorkingGraph } from './workingGraph.js';

/**
 * The inverse of a committed change, applied to the working graph: every field it
 * changed back to its before value, every node and link it added removed, every one it
 * removed restored exactly (properties, provenance). It is refused, naming the fields,
 * when a later change touched what it would undo; reverting a revert redoes the change.
 */

/** The ids the inverse must read before it runs. */
export function revertLoads(diff: ChangeDiff): { nodes: string[]; relsOut: string[]; relsBoth: string[] } {
  const rels = [...diff.relationships.added, ...diff.relationships.removed];
  return {
    nodes: [...diff.nodes.updated.map((u) => u.id), ...diff.nodes.removed.map((n) => n.id), ...rels.flatMap((r) => [r.from, r.to])],
    relsOut: rels.map((r) => r.from),
    relsBoth: diff.nodes.added.map((n) => n.id),
  };
}

const show = (v: FieldValue) => (v === null ? 'empty' : JSON.stringify(v));

export function applyInverse(graph: WorkingGraph, diff: ChangeDiff, changeId: string): void {
  const conflicts: FieldIssue[] = [];
  const current = new Map<string, CurrentValues>();
  const conflict = (field: string, reason: string, nodeId?: string) => {
    conflicts.push({ field, reason });
    const node = nodeId ? graph.node(nodeId) : null;
    if (node && !current.has(node.id)) current.set(node.id, { id: node.id, kind: node.kind, version: node.version, props: node.props });
  };

  // 1. Fields back to their before values, each only if no later change moved it.
  for (const u of diff.nodes.updated) {
    const node = graph.node(u.id);
    if (!node) {
      conflict(u.id, `was removed after ${changeId}`);
      continue;
    }
    const props = { ...node.props };
    let provenance = node.provenance;
    for (const f of u.fields) {
      if (f.field === 'provenance') {
        if (JSON.stringify(node.provenance) !== f.after) conflict(`${u.id}.provenance`, `changed after ${changeId}`, u.id);
        else provenance = JSON.parse(String(f.before)) as typeof provenance;
        continue;
      }
      if (!same(props[f.field], f.after)) conflict(`${u.id}.${f.field}`, `changed after ${changeId}: it is now ${show(props[f.field] ?? null)}, not ${show(f.after)}`, u.id);
      else props[f.field] = f.before;
    }
    graph.setNode({ ...node, props, provenance });
  }

  // 2. Links it added come out.
  for (const rel of diff.relationships.added) {
    const now = graph.rel(rel.id);
    if (!now) conflict(rel.id, `was removed after ${changeId}`);
    else if (!same(now.props, rel.props)) {
      for (const key of Object.keys(rel.props)) if (!same(now.props[key], rel.props[key])) conflict(`${rel.id}.${key}`, `changed after ${changeId}`);
    } else graph.removeRel(rel.id);
  }

  // 3. Nodes it added come out, if nothing later changed them or linked to them.
  for (const added of diff.nodes.added) {
    const node = graph.node(added.id);
    if (!node) {
      conflict(added.id, `was removed after ${changeId}`);
      continue;
    }
    const changed = Object.keys(added.props).filter((k) => !same(node.props[k], added.props[k]));
    for (const field of changed) conflict(`${added.id}.${field}`, `changed after ${changeId}: it is now ${show(node.props[field] ?? null)}`, added.id);
    const later = graph.relsOf(added.id);
    if (later.length) conflict(added.id, `has links added after ${changeId}: ${later.map((r) => r.id).join(', ')}`, added.id);
    if (!changed.length && !later.length) graph.removeNode(added.id);
  }

  // 4. Nodes it removed come back exactly as they were; their version carries on from where it stood.
  for (const removed of diff.nodes.removed) {
    if (graph.node(removed.id)) conflict(removed.id, `was created again after ${changeId}`, removed.id);
    else graph.setNode({ ...structuredClone(removed), version: removed.version + 1 });
  }

  // 5. Links it removed come back, with their basis and provenance.
  for (const rel of diff.relationships.removed) {
    const from = graph.node(rel.from);
    const to = graph.node(rel.to);
    const now = graph.rel(rel.id);
    if (now && !diff.relationships.added.some((a) => a.id === rel.id)) conflict(rel.id, `was linked again after ${changeId}`);
    else if (!from || !to) conflict(rel.id, `its ${from ? 'target' : 'source'} was removed after ${changeId}`);
    else graph.setRel({ ...structuredClone(rel), fromKind: from.kind, toKind: to.kind });
  }

  if (conflicts.length) {
    throw new ConflictError(`${changeId} cannot be undone: a later change touched ${conflicts.map((c) => c.field).join(', ')}`, conflicts, [...current.values()]);
  }
}
