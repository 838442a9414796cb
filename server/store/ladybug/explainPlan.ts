/**
 * Reads LadybugDB's EXPLAIN output: the physical plan drawn as boxes, one box per
 * operator, laid out on a grid of equally wide columns. Each box's first line is the
 * operator and its id (`SCAN_NODE_TABLE[0]`); the lines after it are its details
 * (`Function: READ_FTABLE`, `Expressions: ...`).
 *
 * The engine lays the grid out in bytes: a box-drawing character takes one column, any
 * other character as many columns as its UTF-8 bytes, and a line break inside a box
 * (a multi-line WHERE is printed as written) takes one column and breaks the printed
 * line. The reader rebuilds that grid of columns before it looks for boxes.
 *
 * The reader is strict on purpose: anything it cannot account for makes the whole plan
 * unreadable, and an unreadable plan is refused. A query's own text (an alias, an
 * expression, a string constant folded into the plan) can only appear inside a box, so
 * box-drawing characters inside a box, a box whose borders do not line up, lines that
 * do not add up to the grid's width, or operator ids that are not exactly 0..n-1 each
 * once all count as unreadable.
 */

export type PlanOperator = {
  /** The operator's name as the engine prints it, e.g. `SCAN_NODE_TABLE`. */
  name: string;
  id: number;
  /** The box's detail lines, trimmed, separators left out, in order. */
  details: string[];
};

export type ReadPlan = { ok: true; operators: PlanOperator[] } | { ok: false; reason: string };

const BOX_CHARS = /[\u2500-\u257f]/;
const HEADER = /^([A-Z][A-Z0-9_]*)\[(\d{1,6})\]$/;
const SEPARATOR = /^-+$/;
const TITLE = 'Physical Plan';

/** Filler for the extra columns of a character that takes several. */
const FILLER = '\u0000';
const LINE_BREAK = '\n';

/** One line as the engine's columns. */
function columnsOf(line: string): string[] {
  const cells: string[] = [];
  for (const ch of line) {
    cells.push(ch);
    if (!BOX_CHARS.test(ch)) for (let i = Buffer.byteLength(ch); i > 1; i--) cells.push(FILLER);
  }
  return cells;
}

/** The grid's rows: printed lines broken by a line break inside a box are joined again. */
function gridRows(lines: string[]): string[][] | null {
  const printed = lines.map(columnsOf);
  // Not Math.max(...): a list constant folded into the plan can print as hundreds of thousands of lines.
  const width = printed.reduce((widest, l) => Math.max(widest, l.length), 0);
  const rows: string[][] = [];
  for (let i = 0; i < printed.length; i++) {
    let row = printed[i]!;
    while (row.length < width && i + 1 < printed.length) row = [...row, LINE_BREAK, ...printed[++i]!];
    if (row.length !== width) return null;
    rows.push(row);
  }
  return rows;
}

/** The operators of one EXPLAIN result, or why it could not be read. */
export function readExplainPlan(text: string): ReadPlan {
  const lines = text.replace(/\n+$/, '').split('\n');
  // The title box comes first: five lines, the third of which says "Physical Plan".
  if (lines.length < 6 || !lines[2]!.includes(TITLE)) return unreadable('the plan has no title box');
  const body = gridRows(lines.slice(5));
  if (!body) return unreadable('the plan lines do not add up to its width');
  const operators: PlanOperator[] = [];
  for (let row = 0; row < body.length; row++) {
    const line = body[row]!;
    for (let col = line.indexOf('┌'); col !== -1; col = line.indexOf('┌', col + 1)) {
      const box = readBox(body, row, col);
      if (!box.ok) return box;
      operators.push(box.operator);
    }
  }
  // Every box-drawing corner must belong to a box that was read.
  const corners = body.reduce((n, line) => n + line.filter((c) => c === '┌' || c === '└').length, 0);
  if (corners !== operators.length * 2) return unreadable('the plan has box corners that belong to no box');
  if (operators.length === 0) return unreadable('the plan has no operators');
  const ids = operators.map((o) => o.id).sort((a, b) => a - b);
  if (ids.some((id, i) => id !== i)) return unreadable('the plan operator ids are not 0..n-1, each once');
  return { ok: true, operators: operators.sort((a, b) => a.id - b.id) };
}

type BoxRead = { ok: true; operator: PlanOperator } | { ok: false; reason: string };

function readBox(rows: string[][], top: number, left: number): BoxRead {
  const topRow = rows[top]!;
  const right = topRow.indexOf('┐', left + 1);
  if (right === -1) return unreadable('a box has no top-right corner');
  if (!/^┌[─┴]+┐$/.test(topRow.slice(left, right + 1).join(''))) return unreadable('a box top border is broken');
  const content: string[] = [];
  let bottom = -1;
  for (let row = top + 1; row < rows.length; row++) {
    const segment = rows[row]!.slice(left, right + 1);
    const first = segment[0];
    const last = segment[segment.length - 1];
    if (first === '└') {
      if (!/^└[─┬]+┘$/.test(segment.join(''))) return unreadable('a box bottom border is broken');
      bottom = row;
      break;
    }
    if (first !== '│' || last !== '│') return unreadable('a box side is broken');
    const inner = segment.slice(1, -1);
    if (inner.some((c) => BOX_CHARS.test(c))) return unreadable('a box holds box-drawing characters');
    content.push(
      inner
        .filter((c) => c !== FILLER)
        .join('')
        .replaceAll(LINE_BREAK, ' ')
        .trim(),
    );
  }
  if (bottom === -1) return unreadable('a box has no bottom');
  const header = HEADER.exec(content[0] ?? '');
  if (!header) return unreadable('a box does not start with an operator name and id');
  const details = content.slice(1).filter((l) => l.length > 0 && !SEPARATOR.test(l));
  return { ok: true, operator: { name: header[1]!, id: Number(header[2]), details } };
}

const unreadable = (reason: string) => ({ ok: false as const, reason });
