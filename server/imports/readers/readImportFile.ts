import { ImportError, DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../importError.js';
import type { SourceTable } from '../sourceTable.js';
import { readDelimited } from './delimitedReader.js';
import { readDocx } from './docxReader.js';
import { readXlsx } from './xlsxReader.js';

/** The formats an import reads, picked by the file's name and checked against its first bytes. */
export const IMPORT_FORMATS = ['docx', 'xlsx', 'csv', 'tsv'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export function formatOf(file: string): ImportFormat {
  const ext = file.toLowerCase().split('.').pop() ?? '';
  if (ext === 'docx') return 'docx';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'txt' || ext === 'tab') return 'tsv';
  throw new ImportError({ file }, `the file type .${ext} is not one an import reads (use .docx, .xlsx, .csv, .tsv or .txt)`);
}

export async function readImportFile(buffer: Buffer, file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): Promise<SourceTable[]> {
  if (buffer.length > limits.maxFileBytes) {
    throw new ImportError({ file }, `the file is ${buffer.length} bytes, more than the ${limits.maxFileBytes} an import accepts`);
  }
  if (buffer.length === 0) throw new ImportError({ file }, 'the file is empty');
  const format = formatOf(file);
  const zipped = buffer[0] === 0x50 && buffer[1] === 0x4b;
  if ((format === 'docx' || format === 'xlsx') && !zipped) {
    throw new ImportError({ file }, `not a ${format} file: it does not start as a zip archive (an Office file saved in the old binary format or another file renamed?)`);
  }
  switch (format) {
    case 'docx':
      return readDocx(buffer, file, limits);
    case 'xlsx':
      return readXlsx(buffer, file, limits);
    case 'csv':
      return readDelimited(buffer, file, limits, ',');
    case 'tsv':
      return readDelimited(buffer, file, limits, '\t');
  }
}
