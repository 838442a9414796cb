import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import ExcelJS from 'exceljs';

/**
 * Test fixtures built from the source documents as printed (seed/sources/*.txt):
 * the lines of a document's table become a real Word document (made with the
 * `docx` package) or a real Excel workbook (exceljs), as a partnership would hold
 * them. Tab-separated lines are table rows; other lines are the headings between
 * tables. A cell's stray tags are read back into what Word had: "<p>" paragraphs
 * and "<ul>" lists (items pasted without <li> are split at sentence ends) and "•"
 * bullets become list items. A row with only its first cell filled spans the table.
 */

export type RawCell = { paragraphs: string[]; items: string[] };
export type RawBlock = { kind: 'heading'; text: string } | { kind: 'table'; rows: RawCell[][] };

export function rawCell(text: string): RawCell {
  const cell: RawCell = { paragraphs: [], items: [] };
  let rest = text.trim();
  for (const m of rest.matchAll(/<p>(.*?)<\/p>/g)) cell.paragraphs.push(m[1]!.trim());
  rest = rest.replace(/<p>.*?<\/p>/g, ' ');
  const ul = rest.indexOf('<ul');
  if (ul >= 0) {
    const before = rest.slice(0, ul).trim();
    if (before) cell.paragraphs.push(before);
    const list = rest
      .slice(rest.indexOf('>', ul) + 1)
      .replace(/<\/?[a-z][^>]*>/g, ' ')
      .replace(/•/g, ' ')
      .trim();
    cell.items.push(
      ...list
        .split(/(?<=[.!?])\s+(?=['A-Z])/)
        .map((s) => s.trim())
        .filter(Boolean),
    );
    return cell;
  }
  rest = rest.replace(/<\/?[a-z][^>]*>/g, ' ').trim();
  if (rest.startsWith('•')) cell.items.push(rest.replace(/^•\s*/, ''));
  else if (rest) cell.paragraphs.push(rest);
  return cell;
}

export function rawBlocks(sourceFile: string, fromLine: number, toLine: number): RawBlock[] {
  const lines = readFileSync(new URL(`../../seed/sources/${sourceFile}`, import.meta.url), 'utf8')
    .split('\n')
    .slice(fromLine - 1, toLine);
  const blocks: RawBlock[] = [];
  let table: RawCell[][] | null = null;
  for (const line of lines) {
    if (line.includes('\t')) {
      if (!table) {
        table = [];
        blocks.push({ kind: 'table', rows: table });
      }
      table.push(line.split('\t').map(rawCell));
    } else if (line.trim()) {
      table = null;
      blocks.push({ kind: 'heading', text: line.trim() });
    }
  }
  return blocks;
}

const filled = (c: RawCell) => c.paragraphs.length + c.items.length > 0;
const isSpanningRow = (row: RawCell[]) => row.filter(filled).length === 1 && filled(row[0]!);
const width = (rows: RawCell[][]) => Math.max(...rows.map((r) => r.length));

export async function buildDocx(blocks: RawBlock[]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') {
      children.push(new Paragraph({ text: block.text }));
      continue;
    }
    const columns = width(block.rows);
    const cellOf = (c: RawCell, columnSpan = 1) =>
      new TableCell({
        columnSpan,
        children: [
          ...c.paragraphs.map((t) => new Paragraph({ text: t })),
          ...c.items.map((t) => new Paragraph({ text: t, bullet: { level: 0 } })),
          ...(filled(c) ? [] : [new Paragraph({ text: '' })]),
        ],
      });
    const rows = block.rows.map((row) =>
      isSpanningRow(row)
        ? new TableRow({ children: [cellOf(row[0]!, columns)] })
        : new TableRow({ children: Array.from({ length: columns }, (_, i) => cellOf(row[i] ?? { paragraphs: [], items: [] })) }),
    );
    children.push(new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } }));
    children.push(new Paragraph({ text: '' }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function buildXlsx(blocks: RawBlock[], sheetName = 'Action plan'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  const columns = Math.max(1, ...blocks.flatMap((b) => (b.kind === 'table' ? [width(b.rows)] : [])));
  const text = (c: RawCell) => [...c.paragraphs, ...c.items.map((i) => `• ${i}`)].join('\n');
  const spanning = (value: string) => {
    const row = sheet.addRow([value]);
    sheet.mergeCells(row.number, 1, row.number, columns);
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      spanning(block.text);
      continue;
    }
    for (const row of block.rows) {
      if (isSpanningRow(row)) spanning(text(row[0]!));
      else sheet.addRow(row.map(text));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
