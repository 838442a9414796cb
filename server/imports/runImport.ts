import type { ChangeDiff } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import { changePipelineFor } from '../changes/pipeline.js';
import { NotFoundError } from '../changes/errors.js';
import { ValidationError } from '../graph/validationError.js';
import type { GraphStore } from '../store/port.js';
import { ImportError } from './importError.js';
import { prepareImport, type ImportInput, type PreparedImport } from './prepareImport.js';
import { loadReferenceData } from './resolve/referenceData.js';
import { operationsOfJsonExport } from './jsonImport.js';

/**
 * An import end to end: prepare the operations, then hand them to the change
 * pipeline as one change with origin {kind: 'import', ref: file}. The preview is
 * the pipeline's dry run (nothing written); the commit is atomic, and because
 * every id comes from the file's own references, importing the same file again
 * plans an empty diff and changes nothing. A refusal by the pipeline is reported
 * by the file, table and row of the operation it names.
 */

export type ImportResult = {
  prepared: PreparedImport;
  changeId: string;
  committed: boolean;
  diff: ChangeDiff;
};

export async function runImport(store: GraphStore, input: ImportInput, actor: Actor, options: { dryRun: boolean }): Promise<ImportResult> {
  const ref = await loadReferenceData(store);
  const prepared = await prepareImport(input, ref);
  input.onProgress?.(options.dryRun ? 'preview' : 'commit', 0, 1);
  try {
    const result = await changePipelineFor(store).submit(
      { operations: prepared.operations, reason: `import of ${input.file}`, dryRun: options.dryRun },
      actor,
      { kind: 'import', ref: input.file },
      { upsert: true },
    );
    input.onProgress?.(options.dryRun ? 'preview' : 'commit', 1, 1);
    return { prepared, ...result };
  } catch (err) {
    if (err instanceof ValidationError || err instanceof NotFoundError) throw importErrorOf(err, prepared);
    throw err;
  }
}

/** The pipeline names `operations.<i>...`; the user needs the file, table, row and column. */
function importErrorOf(err: ValidationError | NotFoundError, prepared: PreparedImport): ImportError {
  const first = err.issues[0];
  const index = Number(/^operations\.(\d+)/.exec(first?.field ?? '')?.[1] ?? NaN);
  const op = prepared.operations[index];
  const provenance = op && 'node' in op ? op.node.provenance : op && op.op === 'link' ? op.provenance : undefined;
  const field = first?.field.replace(/^operations\.\d+\.(node\.)?(props\.)?/, '') ?? '';
  const place = provenance && provenance.source === 'import' ? { file: prepared.file, table: provenance.table, row: provenance.rows[0], column: field } : { file: prepared.file };
  const more = err.issues.length > 1 ? ` (and ${err.issues.length - 1} more)` : '';
  return new ImportError(place, `${first?.reason ?? err.message}${more}`);
}

/** A Golden Thread JSON export loaded back through the pipeline, as one import change. */
export async function runJsonImport(store: GraphStore, buffer: Buffer, file: string, actor: Actor, options: { dryRun: boolean }): Promise<Omit<ImportResult, 'prepared'> & { operations: number }> {
  const operations = operationsOfJsonExport(buffer, file);
  const result = await changePipelineFor(store).submit({ operations, reason: `import of ${file}`, dryRun: options.dryRun }, actor, { kind: 'import', ref: file }, { upsert: true });
  return { ...result, operations: operations.length };
}
