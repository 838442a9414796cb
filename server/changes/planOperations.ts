import type { z } from 'zod';
import {
  EDIT_BASIS,
  NODE_SCHEMAS,
  RELATIONSHIP_SCHEMAS,
  allowsEndpoints,
  nodePropertyColumns,
  relationshipId,
  relationshipPropertyColumns,
  slug,
  type ChangeOperation,
  type ChangeOrigin,
  type FieldValue,
  type NodeKind,
  type Provenance,
} from '../../model/index.js';
import type { Actor } from '../../model/roles.js';
import { ValidationError, type FieldIssue } from '../graph/validationError.js';
import { ConflictError, NotFoundError, type CurrentValues } from './errors.js';
import { fieldValues, presentValues, type NodeState, type WorkingGraph } from './workingGraph.js';

/**
 * Applies a change's operations, in order, to the working graph, checking each against
 * the domain model: the fields a kind has and the values they take, the kinds a
 * relationship joins, that the ids exist, and the versions the author saw. Every
 * problem is collected with the path of its field (`operations.2.set.timescale`), so
 * one answer names them all.
 */

export type PlanContext = {
  actor: Actor;
  at: string;
  reason?: string;
  origin: ChangeOrigin;
  /** Seed and import: `create` of an existing node replaces its properties. */
  upsert: boolean;
};

/** The ids a change reads before its operations run. */
export function idsOf(operations: ChangeOperation[]): { nodes: string[]; relsOut: string[]; relsBoth: string[] } {
  const nodes: string[] = [];
  const relsOut: string[] = [];
  const relsBoth: string[] = [];
  for (const op of operations) {
    if (op.op === 'create') nodes.push(op.node.id);
    else if (op.op === 'update') nodes.push(op.id);
    else if (op.op === 'delete') relsBoth.push(op.id);
    else if (op.op === 'link' || op.op === 'unlink') {
      nodes.push(op.to);
      relsOut.push(op.from);
    } else if (op.op === 'addProgress') {
      nodes.push(op.action);
      relsOut.push(op.action);
      if (op.id) nodes.push(op.id);
    }
  }
  return { nodes, relsOut, relsBoth };
}

function editProvenance(ctx: PlanContext): Provenance {
  return { source: 'edit', author: ctx.actor.name, at: ctx.at, ...(ctx.reason ? { note: ctx.reason } : {}) };
}

/** zod issues under a prefix; an unknown key is named as the field itself. */
function issuesOf(error: z.ZodError, prefix: string, kind: string): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const path = issue.path.filter((p) => typeof p !== 'symbol').join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [prefix, path, key].filter(Boolean).join('.'), reason: `unknown field ${key}: a ${kind} has no such field` }));
    }
    return [{ field: [prefix, path].filter(Boolean).join('.'), reason: issue.message }];
  });
}

function currentValues(state: NodeState): CurrentValues {
  return { id: state.id, kind: state.kind, version: state.version, props: state.props };
}

/** The ProgressUpdate id made from the action and the period when the author gives none. */
function progressIdFor(action: string, period: string, graph: WorkingGraph): string {
  const base = `${action}:progress:${slug(period) || 'update'}`;
  let id = base;
  for (let n = 2; graph.node(id) || graph.rel(relationshipId(action, 'HAS_PROGRESS', id)); n++) id = `${base}-${n}`;
  return id;
}

export function applyOperations(graph: WorkingGraph, operations: ChangeOperation[], ctx: PlanContext): void {
  const issues: FieldIssue[] = [];
  const missing: FieldIssue[] = [];
  const conflicts: FieldIssue[] = [];
  const current: CurrentValues[] = [];

  const checkVersion = (i: number, id: string, expected: number | undefined) => {
    const before = graph.nodeBefore(id);
    if (expected === undefined || !before || before.version === expected) return;
    conflicts.push({ field: `operations.${i}.expectedVersion`, reason: `is ${expected} but ${id} is at version ${before.version}: someone changed it since` });
    if (!current.some((c) => c.id === id)) current.push(currentValues(before));
  };

  const link = (prefix: string, type: keyof typeof RELATIONSHIP_SCHEMAS, from: string, to: string, rawProps: Record<string, unknown>, provenance: Provenance | undefined) => {
    const fromNode = graph.node(from);
    const toNode = graph.node(to);
    if (!fromNode) missing.push({ field: `${prefix}.from`, reason: `no node with id ${from}` });
    if (!toNode) missing.push({ field: `${prefix}.to`, reason: `no node with id ${to}` });
    if (!fromNode || !toNode) return;
    if (!allowsEndpoints(type, fromNode.kind, toNode.kind)) {
      issues.push({ field: `${prefix}.type`, reason: `${type} cannot join a ${fromNode.kind} to a ${toNode.kind}` });
      return;
    }
    // Every link says on what basis it exists (issue 10): one a person adds without saying carries the edit basis.
    const withBasis = ctx.origin.kind !== 'seed' && rawProps.linkBasis === undefined ? { ...rawProps, linkBasis: EDIT_BASIS } : rawProps;
    const parsed = RELATIONSHIP_SCHEMAS[type].props.safeParse(withBasis);
    if (!parsed.success) {
      issues.push(...issuesOf(parsed.error, `${prefix}.props`, `${type} link`));
      return;
    }
    const props: Record<string, FieldValue> = {};
    for (const col of relationshipPropertyColumns(type)) props[col.name] = ((parsed.data as Record<string, unknown>)[col.name] ?? null) as FieldValue;
    graph.setRel({ id: relationshipId(from, type, to), type, from, to, props, provenance: provenance ?? editProvenance(ctx), fromKind: fromNode.kind, toKind: toNode.kind });
  };

  for (const [i, op] of operations.entries()) {
    const at = `operations.${i}`;
    switch (op.op) {
      case 'create': {
        const { kind, id } = op.node;
        const existing = graph.node(id);
        if (existing && (!ctx.upsert || existing.kind !== kind)) {
          issues.push({ field: `${at}.node.id`, reason: existing.kind === kind ? `${id} already exists` : `${id} is already a ${existing.kind}, not a ${kind}` });
          break;
        }
        const parsed = NODE_SCHEMAS[kind].safeParse(op.node.props);
        if (!parsed.success) {
          issues.push(...issuesOf(parsed.error, `${at}.node.props`, kind));
          break;
        }
        graph.setNode({ id, kind, version: existing ? existing.version : 1, props: fieldValues(kind, parsed.data), provenance: op.node.provenance ?? editProvenance(ctx) });
        break;
      }
      case 'update': {
        const node = graph.node(op.id);
        if (!node) {
          missing.push({ field: `${at}.id`, reason: `no node with id ${op.id}` });
          break;
        }
        checkVersion(i, op.id, op.expectedVersion);
        const known = new Set(nodePropertyColumns(node.kind).map((c) => c.name));
        const unknown = [
          ...Object.keys(op.set)
            .filter((f) => !known.has(f))
            .map((f) => ({ field: `${at}.set.${f}`, reason: `unknown field ${f}: a ${node.kind} has no such field` })),
          ...op.unset.flatMap((f, j) => (known.has(f) ? [] : [{ field: `${at}.unset.${j}`, reason: `unknown field ${f}: a ${node.kind} has no such field` }])),
        ];
        if (unknown.length) {
          issues.push(...unknown);
          break;
        }
        const merged: Record<string, unknown> = { ...presentValues(node.props), ...op.set };
        for (const f of op.unset) delete merged[f];
        const parsed = NODE_SCHEMAS[node.kind].safeParse(merged);
        if (!parsed.success) {
          // Name the field as the author wrote it: set.<field>, or unset.<j> for a required field taken away.
          for (const issue of issuesOf(parsed.error, '', node.kind)) {
            const field = issue.field.split('.')[0]!;
            const j = op.unset.indexOf(field);
            const where = field in op.set ? `${at}.set.${issue.field}` : j >= 0 ? `${at}.unset.${j}` : `${at}.set.${issue.field}`;
            issues.push({ field: where, reason: issue.reason });
          }
          break;
        }
        graph.setNode({ ...node, props: fieldValues(node.kind, parsed.data) });
        break;
      }
      case 'delete': {
        const node = graph.node(op.id);
        if (!node) {
          missing.push({ field: `${at}.id`, reason: `no node with id ${op.id}` });
          break;
        }
        checkVersion(i, op.id, op.expectedVersion);
        graph.removeNode(op.id);
        break;
      }
      case 'link':
        link(at, op.type, op.from, op.to, op.props, op.provenance);
        break;
      case 'unlink': {
        const id = relationshipId(op.from, op.type, op.to);
        if (!graph.rel(id)) {
          missing.push({ field: at, reason: `no ${op.type} link from ${op.from} to ${op.to}` });
          break;
        }
        graph.removeRel(id);
        break;
      }
      case 'addProgress': {
        const action = graph.node(op.action);
        if (!action || action.kind !== 'Action') {
          missing.push({ field: `${at}.action`, reason: action ? `${op.action} is a ${action.kind}, not an Action` : `no action with id ${op.action}` });
          break;
        }
        checkVersion(i, op.action, op.expectedVersion);
        // A status an edit records is the edit's, unless the author says it is printed in the document.
        const parsed = NODE_SCHEMAS.ProgressUpdate.safeParse({ statusBasis: EDIT_BASIS, ...op.progress });
        if (!parsed.success) {
          issues.push(...issuesOf(parsed.error, `${at}.progress`, 'ProgressUpdate'));
          break;
        }
        const id = op.id ?? progressIdFor(op.action, parsed.data.period, graph);
        if (graph.node(id)) {
          issues.push({ field: `${at}.id`, reason: `${id} already exists` });
          break;
        }
        const kind: NodeKind = 'ProgressUpdate';
        graph.setNode({ id, kind, version: 1, props: fieldValues(kind, parsed.data), provenance: editProvenance(ctx) });
        link(at, 'HAS_PROGRESS', op.action, id, {}, undefined);
        // The action's status is its latest progress status.
        graph.setNode({ ...graph.node(op.action)!, props: { ...graph.node(op.action)!.props, status: parsed.data.status, statusBasis: parsed.data.statusBasis } });
        break;
      }
    }
  }
  if (issues.length) throw new ValidationError(issues);
  if (missing.length) throw new NotFoundError(missing.map((m) => `${m.field}: ${m.reason}`).join('; '), missing);
  if (conflicts.length) throw new ConflictError(conflicts.map((c) => c.reason).join('; '), conflicts, current);
}
