import mammoth from 'mammoth';
import { parse, NodeType, type HTMLElement } from 'node-html-parser';
import { ImportError, type ImportLimits } from '../importError.js';
import { EMPTY_CELL, cleanText, type Cell, type SourceRow, type SourceTable } from '../sourceTable.js';
import { cellFromHtml } from './htmlCell.js';
import { checkZip } from './safeZip.js';

/**
 * The tables of a Word document: mammoth turns the .docx into HTML (merged cells
 * become colspan/rowspan, lists become <ul>/<ol>), and node-html-parser walks it.
 * A cell merged across columns is one cell with its span; a cell merged down
 * several rows stands in its first row and leaves the rows below it empty, which
 * the row interpreter reads as "the same as above". The paragraphs printed just
 * before each table are kept as its heading.
 */

const HEADING_PARAGRAPHS = 2;

function rowsOf(table: HTMLElement, file: string, name: string, limits: ImportLimits): SourceRow[] {
  const trs = table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  if (trs.length > limits.maxRows) throw new ImportError({ file, table: name, row: limits.maxRows + 1 }, `more than ${limits.maxRows} rows`);
  // Columns still covered by a cell merged down from a row above (rowspan): Word leaves
  // them out of the rows below, so they are put back as empty cells ("the same as above").
  const coveredFor = new Map<number, number>();
  return trs.map((tr, i) => {
    const tds = tr.childNodes.filter((n): n is HTMLElement => n.nodeType === NodeType.ELEMENT_NODE && ['TD', 'TH'].includes((n as HTMLElement).tagName));
    if (tds.length > limits.maxColumns) {
      throw new ImportError({ file, table: name, row: i + 1, column: limits.maxColumns + 1 }, `the row has ${tds.length} cells, more than the ${limits.maxColumns} a table may have`);
    }
    const cells: Cell[] = [];
    let column = 0;
    const fillCovered = () => {
      while ((coveredFor.get(column) ?? 0) > 0) {
        cells.push(EMPTY_CELL);
        coveredFor.set(column, coveredFor.get(column)! - 1);
        column++;
      }
    };
    for (const td of tds) {
      fillCovered();
      const span = Math.max(1, Number(td.getAttribute('colspan') ?? 1) || 1);
      const down = Math.max(1, Number(td.getAttribute('rowspan') ?? 1) || 1);
      cells.push(cellFromHtml(td.innerHTML, span));
      for (let c = column; c < column + span; c++) if (down > 1) coveredFor.set(c, down - 1);
      column += span;
    }
    fillCovered();
    return { number: i + 1, cells };
  });
}

export async function readDocx(buffer: Buffer, file: string, limits: ImportLimits): Promise<SourceTable[]> {
  await checkZip(buffer, file, limits, 'word/document.xml');
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer })).value;
  } catch (err) {
    throw new ImportError({ file }, `Word could not be read: ${(err as Error).message}`);
  }
  const root = parse(html);
  const tables: SourceTable[] = [];
  let recent: string[] = [];
  for (const node of root.childNodes) {
    if (node.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = node as HTMLElement;
    if (el.tagName === 'TABLE') {
      const name = `table ${tables.length + 1}`;
      tables.push({ file, name, heading: recent.slice(-HEADING_PARAGRAPHS), rows: rowsOf(el, file, name, limits) });
      recent = [];
    } else {
      const text = cleanText(el.text);
      if (text) recent.push(text);
    }
  }
  return tables;
}
