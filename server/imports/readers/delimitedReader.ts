import { parse } from 'csv-parse/sync';
import { ImportError, type ImportLimits } from '../importError.js';
import type { SourceRow, SourceTable } from '../sourceTable.js';
import { cellFromText } from './htmlCell.js';
import { decodeText } from './decodeText.js';

/**
 * CSV, and the tab-separated text a table copied out of Word or Excel pastes as.
 * Excel quotes a field that holds line breaks; Word does not quote at all, so
 * quotes inside a field are taken literally. Consecutive non-table lines (a
 * heading above the table) become the heading of the table that follows.
 */

export type Delimiter = ',' | '\t';

export function sniffDelimiter(text: string): Delimiter {
  const firstLines = text.split(/\r?\n/, 20).join('\n');
  return (firstLines.match(/\t/g)?.length ?? 0) >= (firstLines.match(/,/g)?.length ?? 0) / 2 ? '\t' : ',';
}

export function readDelimited(buffer: Buffer, file: string, limits: ImportLimits, delimiter?: Delimiter): SourceTable[] {
  const text = decodeText(buffer, file);
  const sep = delimiter ?? sniffDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: sep,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      quote: sep === ',' ? '"' : false,
      max_record_size: 1_000_000,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    if (err instanceof ImportError) throw err;
    const e = err as Error & { lines?: number; column?: number };
    throw new ImportError({ file, row: e.lines, column: e.column }, `the text cannot be read as ${sep === ',' ? 'CSV' : 'tab-separated text'}: ${e.message}`);
  }
  if (records.length > limits.maxRows) throw new ImportError({ file, row: limits.maxRows + 1 }, `more than ${limits.maxRows} rows`);
  const tables: SourceTable[] = [];
  let heading: string[] = [];
  let current: SourceTable | null = null;
  for (const { record, info } of records) {
    if (record.length > limits.maxColumns) {
      throw new ImportError({ file, row: info.lines, column: limits.maxColumns + 1 }, `the row has ${record.length} columns, more than the ${limits.maxColumns} a table may have`);
    }
    const isTableLine = record.length > 1;
    if (!isTableLine) {
      const line = (record[0] ?? '').trim();
      if (line && !current) heading.push(line);
      else if (line && current) {
        // A lone line after a table starts the heading of the next one.
        current = null;
        heading = [line];
      }
      continue;
    }
    if (!current) {
      current = { file, name: `table ${tables.length + 1}`, heading: heading.slice(-2), rows: [] };
      tables.push(current);
      heading = [];
    }
    const row: SourceRow = { number: info.lines, cells: record.map((field) => cellFromText(field)) };
    current.rows.push(row);
  }
  return tables;
}
