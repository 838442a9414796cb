import { ExportFile, operationsOfExport } from '../export/exportJson.js';
import { ImportError } from './importError.js';
import { decodeText } from './readers/decodeText.js';
import type { ChangeOperationInput } from '../../model/changes.js';

/**
 * A Golden Thread JSON export, read back as operations (the round trip): the whole
 * file is validated first, and a problem is named by the item's place in the file.
 */
export function operationsOfJsonExport(buffer: Buffer, file: string): ChangeOperationInput[] {
  let data: unknown;
  try {
    data = JSON.parse(decodeText(buffer, file));
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw new ImportError({ file }, `not JSON: ${(err as Error).message}`);
  }
  const parsed = ExportFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [section, index] = issue.path;
    throw new ImportError(
      { file, ...(typeof index === 'number' ? { table: String(section), row: index + 1 } : {}), column: issue.path.slice(2).join('.') || undefined },
      `not a Golden Thread export: ${issue.path.join('.') || '(file)'} ${issue.message}`,
    );
  }
  return operationsOfExport(parsed.data);
}
