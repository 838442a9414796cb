import { foldHeading, type ImportField, type ImportMapping } from '../../../model/importMapping.js';
import { contentWords } from '../../gaps/textSimilarity.js';
import { cellText, type SourceRow } from '../sourceTable.js';

/**
 * The headings the partnerships' tables print, and the field each one means.
 * Lanarkshire 2008-09: Action Number / Aim / Objective / Milestones / When will it
 * be done by / Lead responsibility / Progress. Lanarkshire 2010: Action / Local
 * outcome / Local target / Key actions / Frequency/source / Timescales / Lead /
 * Progress. Lothian & Borders appendix 5: Output / Actions / Year / National Aims /
 * Scotland Performs - National Outcomes. Glasgow: Key Strategic Priorities /
 * Action Priority / Year 1 / Year 2 / Year 3. "Action" (singular) holds a number
 * in Lanarkshire's tables; "Actions" (plural) holds the text in Lothian & Borders'.
 */
export const KNOWN_HEADINGS: Record<string, ImportField> = {
  'action number': 'ref',
  'action no': 'ref',
  action: 'ref',
  ref: 'ref',
  reference: 'ref',
  no: 'ref',
  aim: 'title',
  actions: 'title',
  'key actions': 'title',
  'key action': 'title',
  'action description': 'title',
  objective: 'objective',
  objectives: 'objective',
  milestones: 'milestones',
  milestone: 'milestones',
  'when will it be done by': 'timescale',
  timescales: 'timescale',
  timescale: 'timescale',
  'target date': 'timescale',
  'lead responsibility': 'lead',
  lead: 'lead',
  'lead officer': 'lead',
  'lead agency': 'lead',
  'lead organisation': 'lead',
  progress: 'progress',
  'progress update': 'progress',
  status: 'progress',
  'local outcome': 'localOutcome',
  'local outcomes': 'localOutcome',
  'local target': 'localTarget',
  'frequency source': 'frequencySource',
  output: 'output',
  outputs: 'output',
  year: 'yearBand',
  'national aims cja sps adsw': 'nationalAims',
  'national aims': 'nationalAims',
  'strategic aims': 'nationalAims',
  'scotland performs national outcomes': 'nationalOutcomes',
  'national outcomes': 'nationalOutcomes',
  'national outcome': 'nationalOutcomes',
  'nsmo outcomes': 'frameworkOutcomes',
  'framework outcomes': 'frameworkOutcomes',
  'key strategic priorities': 'priority',
  'strategic priorities': 'priority',
  'strategic priority': 'priority',
  'action priority': 'actionPriority',
};

const YEAR_COLUMN = /^year \d+\b/;
/** Headings are short; a longer cell is data, and is not compared word by word with every heading. */
const MAX_HEADING_CHARS = 60;
const KNOWN_WORDS = Object.entries(KNOWN_HEADINGS).map(([printed, field]) => ({ field, words: contentWords(printed) }));

export type RecognisedColumn = {
  index: number;
  heading: string;
  field: ImportField | null;
  how: 'mapping' | 'known' | 'similar' | 'year' | 'unrecognised';
};

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export function recogniseHeading(heading: string, mapping: ImportMapping): Omit<RecognisedColumn, 'index'> {
  const folded = foldHeading(heading);
  for (const [printed, field] of Object.entries(mapping.columns)) {
    if (foldHeading(printed) === folded) return { heading, field, how: 'mapping' };
  }
  if (!folded) return { heading, field: null, how: 'unrecognised' };
  const known = KNOWN_HEADINGS[folded];
  if (known) return { heading, field: known, how: 'known' };
  if (YEAR_COLUMN.test(folded)) return { heading, field: 'yearColumn', how: 'year' };
  if (folded.length > MAX_HEADING_CHARS) return { heading, field: null, how: 'unrecognised' };
  const words = contentWords(folded);
  let best: { field: ImportField; score: number } | null = null;
  for (const { field, words: known } of KNOWN_WORDS) {
    const score = dice(words, known);
    if (score >= 0.8 && (!best || score > best.score)) best = { field, score };
  }
  return best ? { heading, field: best.field, how: 'similar' } : { heading, field: null, how: 'unrecognised' };
}

/** Column positions of a row's cells, counting merged cells' spans. */
export function columnPositions(row: SourceRow): number[] {
  const positions: number[] = [];
  let at = 0;
  for (const cell of row.cells) {
    positions.push(at);
    at += cell.span;
  }
  return positions;
}

/** The row read as a header: each cell's recognition, or null when the row does not look like a header. */
export function headerOf(row: SourceRow, mapping: ImportMapping): RecognisedColumn[] | null {
  const positions = columnPositions(row);
  const columns = row.cells.map((cell, i) => ({ index: positions[i]!, ...recogniseHeading(cellText(cell), mapping) })).filter((c) => c.heading !== '');
  const recognised = columns.filter((c) => c.field !== null);
  if (recognised.length < 2 || recognised.length * 2 < columns.length) return null;
  // A header names each field once; a data row that happens to say "Action" twice is not one.
  const fields = recognised.map((c) => c.field).filter((f) => f !== 'yearColumn' && f !== 'ignore');
  if (new Set(fields).size !== fields.length) return null;
  return columns;
}
