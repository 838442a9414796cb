import { z } from 'zod';
import type { ChangeOperationInput } from '../../model/changes.js';
import { NodeId, NodeKindSchema, Provenance, RelationshipTypeSchema } from '../../model/index.js';
import type { ExportGraph } from './readGraph.js';

/**
 * The JSON export: every node and relationship with its provenance, in a fixed
 * order, so that export -> import into an empty store -> export gives the same
 * bytes apart from `exportedAt`. The same file imports back through the change
 * pipeline (`operationsOfExport`).
 */

export const EXPORT_FORMAT = 'golden-thread-graph';
export const EXPORT_FORMAT_VERSION = 1;

const Value = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

export const ExportFile = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    formatVersion: z.literal(EXPORT_FORMAT_VERSION),
    exportedAt: z.string(),
    counts: z.object({ nodes: z.int().min(0), relationships: z.int().min(0) }).strict(),
    nodes: z.array(z.object({ kind: NodeKindSchema, id: NodeId, props: z.record(z.string(), Value), provenance: Provenance }).strict()),
    relationships: z.array(z.object({ type: RelationshipTypeSchema, from: NodeId, to: NodeId, props: z.record(z.string(), Value), provenance: Provenance }).strict()),
  })
  .strict();
export type ExportFile = z.infer<typeof ExportFile>;

export function exportJson(graph: ExportGraph, exportedAt = new Date().toISOString()): string {
  const file = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt,
    counts: { nodes: graph.nodes.length, relationships: graph.relationships.length },
    nodes: graph.nodes.map((n) => ({ kind: n.kind, id: n.id, props: n.props, provenance: n.provenance })),
    relationships: graph.relationships.map((r) => ({ type: r.type, from: r.from, to: r.to, props: r.props, provenance: r.provenance })),
  };
  return JSON.stringify(file, null, 1) + '\n';
}

export function operationsOfExport(file: ExportFile): ChangeOperationInput[] {
  return [
    ...file.nodes.map((n) => ({ op: 'create' as const, node: { kind: n.kind, id: n.id, props: n.props, provenance: n.provenance } })),
    ...file.relationships.map((r) => ({ op: 'link' as const, type: r.type, from: r.from, to: r.to, props: r.props, provenance: r.provenance })),
  ];
}
