import type { ImportField, ImportMapping } from '../../../model/importMapping.js';
import { slug } from '../../../model/ids.js';
import { ImportError } from '../importError.js';
import { cellText, cleanText, type Cell, type SourceRow, type SourceTable } from '../sourceTable.js';
import type { ActionRecord, HeadingOutcome, Interpretation, Place } from './records.js';
import { columnPositions, headerOf, type RecognisedColumn } from './recogniseHeadings.js';

/**
 * Reads actions out of tables the way a planner reads them: a header row says what
 * each column holds (and may repeat at every page break); a row with one cell
 * across the table is a section heading ("Outcome 1.1 ..."); an empty cell under
 * a reference, output, local outcome or priority means "the same as above"; a row
 * whose text starts in lower case is the rest of the row above, broken across a
 * page; "-" means none. State carries from one table to the next, because Word
 * splits one printed table into several at page breaks.
 */

const NONE = /^(?:-|–|—|n\/?a|none|tbc\?)$/i;
const NATIONAL_OUTCOME_HEADING = /national outcome\s*(\d{1,2})\b/i;
const PRIORITY_HEADING = /^(key|strategic)\s+priority\s+(\d+)\s*[–—:-]?\s*(.*)$/i;
const OUTCOME_ROW = /^outcome\s*(\d+)\s*\.\s*(\d+)\s*(continued\b)?\s*(.*)$/i;
const LEADING_REF = /^(\d+(?:\s*\.\s*\d+)*)\.?\s+(.+)$/;

type LogicalRow = { first: number; last: number; cells: Map<number, Cell> };

function valueOf(cell: Cell | undefined): string {
  const text = cellText(cell);
  return NONE.test(text) ? '' : text;
}

function joinCells(a: Cell, b: Cell): Cell {
  const paragraphs = [...a.paragraphs];
  const [firstB, ...restB] = b.paragraphs;
  if (firstB !== undefined && paragraphs.length > 0 && a.items.length === 0) {
    const last = paragraphs.pop()!;
    paragraphs.push(last.endsWith('-') ? last + firstB : `${last} ${firstB}`);
    paragraphs.push(...restB);
  } else paragraphs.push(...b.paragraphs);
  return { paragraphs, items: [...a.items, ...b.items], span: a.span };
}

function normaliseRef(ref: string): string {
  return ref.replace(/\s+/g, '').replace(/\.$/, '');
}

type State = {
  columns: RecognisedColumn[] | null;
  section?: string;
  headingOutcome?: HeadingOutcome;
  priorityKey?: string;
  localOutcomeKey?: string;
  carriedRef: string;
  carriedOutput?: string;
  carriedPriorityRef?: string;
  skipRowEqualTo?: string;
};

export function interpretTables(tables: SourceTable[], mapping: ImportMapping): Interpretation {
  const out: Interpretation = {
    actions: [],
    localOutcomes: [],
    priorities: [],
    problems: [],
    unrecognisedHeadings: [],
    recognisedHeadings: [],
  };
  const state: State = { columns: null, carriedRef: '' };
  const usedKeys = new Map<string, number>();
  const uniqueKey = (base: string) => {
    const n = usedKeys.get(base) ?? 0;
    usedKeys.set(base, n + 1);
    return n === 0 ? base : `${base}-${String.fromCharCode(97 + Math.min(n, 25))}${n > 25 ? n : ''}`;
  };
  const seenHeadings = new Set<string>();

  const notePriority = (kind: string, ref: string, title: string, place: Place, quote: string) => {
    const key = kind.toLowerCase() === 'key' ? `key-${ref}` : ref;
    if (!out.priorities.some((p) => p.key === key)) {
      out.priorities.push({ key, ref, title: title || quote, place, quote, priorityType: kind.toLowerCase() === 'key' ? 'key priority' : 'strategic priority' });
    }
    state.priorityKey = key;
    state.localOutcomeKey = undefined;
  };

  /** A heading above a table or a row across it: a national outcome, a priority or a section. */
  const readHeading = (text: string, place: Place): boolean => {
    const no = NATIONAL_OUTCOME_HEADING.exec(text);
    if (no && /^national outcome/i.test(text)) {
      state.headingOutcome = { number: Number(no[1]), printed: text };
      state.section = text;
      state.localOutcomeKey = undefined;
      return true;
    }
    const pr = PRIORITY_HEADING.exec(text);
    if (pr) {
      notePriority(pr[1]!, pr[2]!, cleanText(pr[3] ?? ''), place, text);
      state.section = text;
      return true;
    }
    return false;
  };

  for (const table of tables) {
    for (const heading of table.heading) readHeading(heading, { table: table.name, rows: [1, 1] });
    const rows = table.rows;
    let pending: LogicalRow | null = null;
    const logical: LogicalRow[] = [];
    const flushPending = () => {
      if (pending) logical.push(pending);
      pending = null;
    };

    for (const row of rows) {
      const nonEmpty = row.cells.filter((c) => cellText(c) !== '');
      if (nonEmpty.length === 0) continue;
      const header = headerOf(row, mapping);
      if (header) {
        flushPending();
        // Rows queued so far belong to the previous header.
        processRows(logical.splice(0), state.columns);
        state.columns = header;
        for (const c of header) {
          const key = `${c.heading}`;
          if (seenHeadings.has(key)) continue;
          seenHeadings.add(key);
          if (c.field) out.recognisedHeadings.push({ heading: c.heading, field: c.field, how: c.how });
          else out.unrecognisedHeadings.push({ table: table.name, row: row.number, heading: c.heading });
        }
        continue;
      }
      const positions = columnPositions(row);
      const cells = new Map<number, Cell>();
      row.cells.forEach((c, i) => cells.set(positions[i]!, c));
      // One cell across the table, or alone in the first column with the rest empty: a section row.
      if (nonEmpty.length === 1 && (nonEmpty[0]!.span > 1 || cellText(row.cells[0]) !== '')) {
        flushPending();
        logical.push({ first: row.number, last: row.number, cells });
        continue;
      }
      if (pending && isContinuation(row, cells, state.columns)) {
        const p: LogicalRow = pending;
        for (const [pos, cell] of cells) p.cells.set(pos, p.cells.has(pos) ? joinCells(p.cells.get(pos)!, cell) : cell);
        p.last = row.number;
        continue;
      }
      flushPending();
      pending = { first: row.number, last: row.number, cells };
    }
    flushPending();
    processRows(logical, state.columns);

    function processRows(queue: LogicalRow[], columns: RecognisedColumn[] | null) {
      for (const lr of queue) {
        const filled = [...lr.cells.values()].filter((c) => cellText(c) !== '');
        if (filled.length === 1 && (filled[0]!.span > 1 || cellText(lr.cells.get(0)) !== '')) {
          sectionRow(cellText(filled[0]), { table: table.name, rows: [lr.first, lr.last] });
          continue;
        }
        if (!columns) continue; // title lines above the first header
        dataRow(lr, columns);
      }
    }

    function sectionRow(text: string, place: Place) {
      if (state.skipRowEqualTo && cleanText(text).toLowerCase() === state.skipRowEqualTo.toLowerCase()) {
        state.skipRowEqualTo = undefined;
        return;
      }
      const oc = OUTCOME_ROW.exec(text);
      if (oc) {
        const ref = `${oc[1]}.${oc[2]}`;
        const existing = out.localOutcomes.find((o) => o.ref === ref);
        if (oc[3] && existing) {
          state.localOutcomeKey = existing.key;
          state.skipRowEqualTo = existing.title;
          return;
        }
        const key = existing ? uniqueKey(`lo-${ref}`).slice(3) : ref;
        out.localOutcomes.push({ key, ref, title: cleanText(oc[4] ?? '') || text, place, quote: text, priorityKey: state.priorityKey, headingOutcome: state.headingOutcome });
        state.localOutcomeKey = key;
        return;
      }
      if (readHeading(text, place)) return;
      state.section = text;
    }

    function dataRow(lr: LogicalRow, columns: RecognisedColumn[]) {
      const place: Place = { table: table.name, rows: [lr.first, lr.last] };
      const byField = new Map<ImportField, { cell: Cell | undefined; heading: string }[]>();
      for (const col of columns) {
        if (!col.field || col.field === 'ignore') continue;
        byField.set(col.field, [...(byField.get(col.field) ?? []), { cell: lr.cells.get(col.index), heading: col.heading }]);
      }
      const one = (f: ImportField) => byField.get(f)?.[0]?.cell;
      const text = (f: ImportField) => valueOf(one(f)) || undefined;
      const quote = [...lr.cells.values()]
        .map((c) => cellText(c))
        .filter(Boolean)
        .join(' ')
        .slice(0, 500);

      // Priority column (Glasgow): "1. Further embed Community Payback Orders", the same as above when empty.
      const priorityText = text('priority');
      if (priorityText) {
        const m = LEADING_REF.exec(priorityText);
        const ref = m ? normaliseRef(m[1]!) : slug(priorityText).slice(0, 20);
        notePriority('strategic', ref, m ? cleanText(m[2]!) : priorityText, place, priorityText);
        state.section = priorityText;
        state.carriedPriorityRef = ref;
      }

      // Output column (Lothian & Borders): "1.1.1 Establish shared services ...", carrying its number down.
      const outputText = text('output');
      if (outputText) {
        const m = LEADING_REF.exec(outputText);
        state.carriedOutput = m ? cleanText(m[2]!) : outputText;
        if (m) state.carriedRef = normaliseRef(m[1]!);
      }

      let ref = text('ref') ? normaliseRef(text('ref')!) : '';
      const actionPriority = text('actionPriority');
      if (actionPriority) ref = state.carriedPriorityRef ? `${state.carriedPriorityRef}.${normaliseRef(actionPriority)}` : normaliseRef(actionPriority);
      if (ref) state.carriedRef = ref;
      else ref = byField.has('output') || byField.has('ref') ? state.carriedRef : '';

      const localOutcomeText = text('localOutcome');
      let localOutcomeInRow = false;
      if (localOutcomeText) {
        const key = uniqueKey(`lo:${ref || slug(localOutcomeText)}`).slice(3);
        out.localOutcomes.push({ key, ...(ref ? { ref } : {}), title: localOutcomeText, place, quote: localOutcomeText, priorityKey: state.priorityKey, headingOutcome: state.headingOutcome });
        state.localOutcomeKey = key;
        localOutcomeInRow = true;
      }

      const base: Omit<ActionRecord, 'key' | 'title' | 'milestones'> = {
        place,
        quote,
        ref,
        ...(state.section ? { section: state.section } : {}),
        ...(byField.has('output') && state.carriedOutput ? { output: state.carriedOutput } : {}),
        ...(text('objective') ? { objective: text('objective') } : {}),
        ...(text('localTarget') ? { localTarget: text('localTarget') } : {}),
        ...(text('frequencySource') ? { frequencySource: text('frequencySource') } : {}),
        ...(text('timescale') ? { timescale: text('timescale') } : {}),
        ...(text('yearBand') ? { yearBand: text('yearBand')!.replace(/\s*[–—-]\s*/g, '-') } : {}),
        ...(text('lead') ? { lead: text('lead') } : {}),
        ...(text('progress') ? { progress: text('progress') } : {}),
        ...(text('nationalAims') ? { nationalAims: text('nationalAims') } : {}),
        ...(text('nationalOutcomes') ? { nationalOutcomes: text('nationalOutcomes') } : {}),
        ...(text('frameworkOutcomes') ? { frameworkOutcomes: text('frameworkOutcomes') } : {}),
        ...(state.localOutcomeKey ? { localOutcomeKey: state.localOutcomeKey } : {}),
        localOutcomeInRow,
        ...(state.priorityKey ? { priorityKey: state.priorityKey } : {}),
        ...(state.headingOutcome ? { headingOutcome: state.headingOutcome } : {}),
      };
      const milestoneCell = one('milestones');
      const extraMilestones = milestoneCell ? [...milestoneCell.paragraphs, ...milestoneCell.items].filter((t) => !/^(?:-|–)$/.test(t)) : [];

      const yearColumns = byField.get('yearColumn') ?? [];
      if (yearColumns.length > 0) {
        for (const { cell, heading } of yearColumns) {
          const title = valueOf(cell);
          if (!title) continue;
          const year = /\b(19|20)\d\d\b/.exec(heading)?.[0] ?? /\d+/.exec(heading)?.[0] ?? '';
          out.actions.push({
            ...base,
            key: uniqueKey(`${ref || `row-${lr.first}`}${year ? `-${year}` : ''}`),
            title,
            timescale: heading,
            ...(year ? { yearBand: year } : {}),
            milestones: extraMilestones,
          });
        }
        return;
      }
      const titleCell = one('title');
      let title = '';
      let milestones = extraMilestones;
      if (titleCell && titleCell.paragraphs.length > 0) {
        title = cleanText(titleCell.paragraphs.join(' ')).replace(/:$/, '');
        milestones = [...titleCell.items, ...extraMilestones];
      } else if (titleCell) {
        title = titleCell.items.join('; ');
      }
      if (NONE.test(title)) title = '';
      if (!title) {
        const titleHeading = byField.get('title')?.[0]?.heading;
        if (titleHeading || !byField.has('title')) {
          out.problems.push({
            table: table.name,
            row: lr.first,
            ...(titleHeading ? { column: titleHeading } : {}),
            reason: titleHeading ? 'the action text is empty; row skipped' : 'no column holds the action text; map one to "title"',
          });
        }
        return;
      }
      out.actions.push({ ...base, key: uniqueKey(ref || `row-${lr.first}`), title, milestones });
    }
  }

  if (out.recognisedHeadings.length === 0) {
    const firstTable = tables.find((t) => t.rows.some((r) => r.cells.some((c) => cellText(c) !== '')));
    const firstRow = firstTable?.rows.find((r) => r.cells.some((c) => cellText(c) !== ''));
    const printed = firstRow?.cells
      .map((c) => cellText(c))
      .filter(Boolean)
      .slice(0, 6)
      .map((h) => `"${h.slice(0, 40)}"`)
      .join(', ');
    throw new ImportError(
      { file: tables[0]?.file ?? 'the file', ...(firstTable ? { table: firstTable.name } : {}), row: firstRow?.number ?? 1, column: 1 },
      tables.length === 0 ? 'no table found' : `no recognisable column headings${printed ? ` (the first row reads ${printed})` : ''}; map the columns to fields in a mapping file`,
    );
  }
  return out;
}

/** A row that is the rest of the row above, broken across a page: no reference of its own and text starting in lower case. */
function isContinuation(row: SourceRow, cells: Map<number, Cell>, columns: RecognisedColumn[] | null): boolean {
  if (!columns) return false;
  const refColumns = columns.filter((c) => c.field === 'ref' || c.field === 'output' || c.field === 'priority' || c.field === 'actionPriority');
  if (refColumns.some((c) => cellText(cells.get(c.index)) !== '')) return false;
  const firstText = row.cells.map((c) => c.paragraphs[0] ?? '').find((t) => t.trim() !== '');
  return firstText !== undefined && /^[a-z]/.test(firstText.trim());
}
