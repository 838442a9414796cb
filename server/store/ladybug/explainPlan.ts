/**
 * Reads LadybugDB's EXPLAIN output: the physical plan drawn as boxes, one box per
 * operator, laid out on a grid of equally wide columns. Each box's first line is the
 * operator and its id (`SCAN_NODE_TABLE[0]`); the lines after it are its details
 * (`Function: READ_FTABLE`, `Expressions: ...`).
 *
 * The reader is strict on purpose: anything it cannot account for makes the whole plan
 * unreadable, and an unreadable plan is refused. A query's own text (an alias, a string
 * constant folded into the plan) can only appear inside a box, so box-drawing
 * characters or line breaks inside a box, a box whose borders do not line up, or
 * operator ids that are not exactly 0..n-1 each once all count as unreadable.
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

/** The operators of one EXPLAIN result, or why it could not be read. */
export function readExplainPlan(text: string): ReadPlan {
  const lines = text.replace(/\n+$/, '').split('\n');
  // The title box comes first: five lines, the third of which says "Physical Plan".
  if (lines.length < 6 || !lines[2]!.includes(TITLE)) return unreadable('the plan has no title box');
  const body = lines.slice(5);
  const operators: PlanOperator[] = [];
  const claimed = new Set<string>();
  for (let row = 0; row < body.length; row++) {
    const line = body[row]!;
    for (let col = line.indexOf('┌'); col !== -1; col = line.indexOf('┌', col + 1)) {
      const box = readBox(body, row, col, claimed);
      if (!box.ok) return box;
      operators.push(box.operator);
    }
  }
  // Every box-drawing corner must belong to a box that was read.
  const corners = body.join('\n').match(/[┌└]/g)?.length ?? 0;
  if (corners !== operators.length * 2) return unreadable('the plan has box corners that belong to no box');
  if (operators.length === 0) return unreadable('the plan has no operators');
  const ids = operators.map((o) => o.id).sort((a, b) => a - b);
  if (ids.some((id, i) => id !== i)) return unreadable('the plan operator ids are not 0..n-1, each once');
  return { ok: true, operators: operators.sort((a, b) => a.id - b.id) };
}

type BoxRead = { ok: true; operator: PlanOperator } | { ok: false; reason: string };

function readBox(lines: string[], top: number, left: number, claimed: Set<string>): BoxRead {
  const topLine = lines[top]!;
  const right = topLine.indexOf('┐', left + 1);
  if (right === -1) return unreadable('a box has no top-right corner');
  const width = right - left + 1;
  if (!/^┌[─┴]+┐$/.test(topLine.slice(left, right + 1))) return unreadable('a box top border is broken');
  const content: string[] = [];
  let bottom = -1;
  for (let row = top + 1; row < lines.length; row++) {
    const segment = (lines[row] ?? '').slice(left, left + width);
    if (segment.length !== width) return unreadable('a box is cut short');
    if (segment.startsWith('└')) {
      if (!/^└[─┬]+┘$/.test(segment)) return unreadable('a box bottom border is broken');
      bottom = row;
      break;
    }
    if (!segment.startsWith('│') || !segment.endsWith('│')) return unreadable('a box side is broken');
    const inner = segment.slice(1, -1);
    if (BOX_CHARS.test(inner)) return unreadable('a box holds box-drawing characters');
    content.push(inner.trim());
  }
  if (bottom === -1) return unreadable('a box has no bottom');
  const key = `${top}:${left}`;
  if (claimed.has(key)) return unreadable('two boxes share a corner');
  claimed.add(key);
  const header = HEADER.exec(content[0] ?? '');
  if (!header) return unreadable('a box does not start with an operator name and id');
  const details = content.slice(1).filter((l) => l.length > 0 && !SEPARATOR.test(l));
  return { ok: true, operator: { name: header[1]!, id: Number(header[2]), details } };
}

const unreadable = (reason: string) => ({ ok: false as const, reason });
