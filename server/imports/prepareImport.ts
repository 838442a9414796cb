import type { ChangeOperationInput } from '../../model/changes.js';
import { ImportMapping, ImportPlanOptions } from '../../model/importMapping.js';
import { buildImportGraph, type ImportGraph } from './buildImportGraph.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importError.js';
import { interpretTables } from './interpret/interpretTables.js';
import type { Interpretation } from './interpret/records.js';
import { readImportFile } from './readers/readImportFile.js';
import type { ReferenceData } from './resolve/referenceData.js';

/**
 * An import up to the list of operations: read the file, read its rows, match
 * them to the graph, and say what would be created and linked. The preview is the
 * change pipeline's dry run of these operations; the commit submits them.
 */

export type PreparedImport = {
  file: string;
  tables: { name: string; rows: number }[];
  interpretation: Interpretation;
  graph: ImportGraph;
  operations: ChangeOperationInput[];
};

export type ImportInput = {
  buffer: Buffer;
  file: string;
  plan: ImportPlanOptions;
  mapping?: ImportMapping;
  limits?: ImportLimits;
  onProgress?: (stage: string, done: number, total: number) => void;
};

export function operationsOf(graph: ImportGraph): ChangeOperationInput[] {
  return [
    ...graph.nodes.map((n) => ({ op: 'create' as const, node: { kind: n.kind as never, id: n.id, props: n.props, provenance: n.provenance } })),
    ...graph.links.map((l) => ({ op: 'link' as const, type: l.type as never, from: l.from, to: l.to, props: l.props, provenance: l.provenance })),
  ];
}

export async function prepareImport(input: ImportInput, ref: ReferenceData): Promise<PreparedImport> {
  const mapping = ImportMapping.parse(input.mapping ?? {});
  const plan = ImportPlanOptions.parse(input.plan);
  input.onProgress?.('read', 0, 3);
  const tables = await readImportFile(input.buffer, input.file, input.limits ?? DEFAULT_IMPORT_LIMITS);
  input.onProgress?.('interpret', 1, 3);
  const interpretation = interpretTables(tables, mapping);
  input.onProgress?.('match', 2, 3);
  const graph = buildImportGraph(interpretation, input.file, plan, ref, mapping);
  input.onProgress?.('done', 3, 3);
  return {
    file: input.file,
    tables: tables.map((t) => ({ name: t.name, rows: t.rows.length })),
    interpretation,
    graph,
    operations: operationsOf(graph),
  };
}
