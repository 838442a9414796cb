/**
 * What every reader produces: the tables of a file as rows of cells, whatever the
 * format. A cell keeps its paragraphs and its list items apart, because a bullet
 * is an action or a milestone while a paragraph is often the text they stand under.
 */

export type Cell = {
  /** Paragraphs that are not list items, in order. */
  paragraphs: string[];
  /** List items (bullets), in order. */
  items: string[];
  /** Columns this cell spans (a merged cell); 1 for an ordinary cell. */
  span: number;
};

export type SourceRow = {
  /** 1-based row number as the user sees it (spreadsheet row, table row, or text line). */
  number: number;
  cells: Cell[];
};

export type SourceTable = {
  file: string;
  /** "sheet Actions", "table 2" or "text". */
  name: string;
  /** The paragraphs printed just before the table (a Word heading such as "National Outcome 9: ..."). */
  heading: string[];
  rows: SourceRow[];
};

export const EMPTY_CELL: Cell = { paragraphs: [], items: [], span: 1 };

/** All the cell's text on one line, paragraphs then items. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return [...cell.paragraphs, ...cell.items].join(' ').replace(/\s+/g, ' ').trim();
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cellText(cell) === '';
}

/** Folds white space and drops the characters Word leaves around text. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const BULLET = /^\s*(?:[•●○◦▪■\u2022\u2023\u2043\u25e6*]|-(?=\s))\s*/;

/** A line that starts with a bullet character, without it; null when the line is not a bullet. */
export function stripBullet(line: string): string | null {
  return BULLET.test(line) ? line.replace(BULLET, '') : null;
}
