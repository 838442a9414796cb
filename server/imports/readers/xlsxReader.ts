import ExcelJS from 'exceljs';
import { ImportError, type ImportLimits } from '../importError.js';
import { EMPTY_CELL, type Cell, type SourceRow, type SourceTable } from '../sourceTable.js';
import { cellFromText } from './htmlCell.js';
import { checkZip } from './safeZip.js';

/**
 * Every sheet of an Excel workbook as a table. A merged range is one cell at its
 * top-left, spanning its columns; the other cells of the range read as empty
 * (exceljs would repeat the master's value in each of them). Lines inside a cell
 * are paragraphs; lines that start with a bullet are list items.
 */

function textOfValue(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return v.result === undefined || v.result === null ? '' : String(v.result);
  if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  return String(v);
}

export async function readXlsx(buffer: Buffer, file: string, limits: ImportLimits): Promise<SourceTable[]> {
  await checkZip(buffer, file, limits, 'xl/workbook.xml');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw new ImportError({ file }, `Excel could not read the workbook: ${(err as Error).message}`);
  }
  const tables: SourceTable[] = [];
  for (const sheet of workbook.worksheets) {
    const name = `sheet ${sheet.name}`;
    if (sheet.actualRowCount > limits.maxRows) throw new ImportError({ file, table: name, row: limits.maxRows + 1 }, `more than ${limits.maxRows} rows`);
    const spans = new Map<string, number>();
    const covered = new Set<string>();
    for (const range of (sheet.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(':') as [string, string];
      const first = sheet.getCell(a);
      const last = sheet.getCell(b);
      spans.set(first.address, Number(last.col) - Number(first.col) + 1);
      for (let r = Number(first.row); r <= Number(last.row); r++) {
        for (let c = Number(first.col); c <= Number(last.col); c++) if (r !== Number(first.row) || c !== Number(first.col)) covered.add(`${r}:${c}`);
      }
    }
    const rows: SourceRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.cellCount > limits.maxColumns) {
        throw new ImportError({ file, table: name, row: rowNumber, column: limits.maxColumns + 1 }, `the row has ${row.cellCount} columns, more than the ${limits.maxColumns} a sheet may have`);
      }
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) {
        if (covered.has(`${rowNumber}:${c}`)) {
          cells.push(EMPTY_CELL);
          continue;
        }
        const cell = row.getCell(c);
        cells.push(cellFromText(textOfValue(cell), spans.get(cell.address) ?? 1));
      }
      rows.push({ number: rowNumber, cells });
    });
    tables.push({ file, name, heading: [], rows });
  }
  return tables;
}
