import { NODE_KINDS, RELATIONSHIP_TYPES, flattenProvenance, nodePropertyColumns, relationshipPropertyColumns, type Provenance } from '../../model/index.js';
import type { Value } from '../store/port.js';
import type { ExportGraph } from './readGraph.js';

/**
 * One CSV file per node kind and one per relationship type (Action.csv,
 * SERVES.csv), RFC 4180 quoting, lists joined with " | ". A cell that a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
 * carriage return) is prefixed with an apostrophe, the neutralisation OWASP
 * recommends, so that opening an export never runs what someone typed into a plan.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Value | undefined): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.map(String).join(' | ') : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: (Value | undefined)[]) => cells.map(csvCell).join(',') + '\r\n';
const PROVENANCE = ['provSource', 'provFile', 'provLineFrom', 'provLineTo', 'provQuote', 'provAuthor', 'provAt', 'provNote'] as const;
const flat = (p: Provenance) => flattenProvenance(p) as unknown as Record<string, Value>;

/** File name -> CSV text; kinds and types with no rows still get their header, so a consumer always finds every file. */
export function exportCsv(graph: ExportGraph): Map<string, string> {
  const files = new Map<string, string>();
  for (const kind of NODE_KINDS) {
    const columns = nodePropertyColumns(kind).map((c) => c.name);
    let text = line(['id', ...columns, ...PROVENANCE]);
    for (const n of graph.nodes) if (n.kind === kind) text += line([n.id, ...columns.map((c) => n.props[c]), ...PROVENANCE.map((c) => flat(n.provenance)[c])]);
    files.set(`nodes/${kind}.csv`, text);
  }
  for (const type of RELATIONSHIP_TYPES) {
    const columns = relationshipPropertyColumns(type).map((c) => c.name);
    let text = line(['from', 'fromKind', 'to', 'toKind', ...columns, ...PROVENANCE]);
    for (const r of graph.relationships) if (r.type === type) text += line([r.from, r.fromKind, r.to, r.toKind, ...columns.map((c) => r.props[c]), ...PROVENANCE.map((c) => flat(r.provenance)[c])]);
    files.set(`relationships/${type}.csv`, text);
  }
  return files;
}
