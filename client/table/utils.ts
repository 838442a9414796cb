import type { NodeElementData } from '../../model/api.js';
import { NODE_KINDS } from '../../model/nodes.js';
import { STATUSES } from '../../model/vocabulary.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { inEdges, outEdges, type GraphIndex } from '../graph/index.js';
import { spokenRef, truncate } from '../graph/labels.js';
import { naturalCompare } from '../layout/layered.js';

/**
 * The table view's rows, derived from the same filtered set the map draws, and their
 * sorting. Pure, so the table and its tests agree on what a planner sees.
 */

export const TABLE_COLUMNS = [
  { key: 'kind', title: 'Kind' },
  { key: 'ref', title: 'Reference' },
  { key: 'title', title: 'Title' },
  { key: 'lead', title: 'Lead' },
  { key: 'outcomes', title: 'Serves' },
  { key: 'status', title: 'Status' },
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number]['key'];
export type SortDirection = 'ascending' | 'descending';
export type TableSort = { key: TableColumn; direction: SortDirection };

export type TableRow = {
  id: string;
  kind: NodeElementData['kind'];
  kindName: string;
  ref: string;
  title: string;
  lead: string;
  outcomes: string;
  status: string;
};

export function tableRows(index: GraphIndex, visible: ReadonlySet<string>): TableRow[] {
  const rows: TableRow[] = [];
  for (const id of visible) {
    const n = index.nodes.get(id);
    if (!n) continue;
    const leads = inEdges(index, id, 'LEADS')
      .map((e) => index.nodes.get(e.source)?.label)
      .filter((x): x is string => !!x);
    const serves = outEdges(index, id, 'SERVES')
      .map((e) => index.nodes.get(e.target))
      .filter((x): x is NodeElementData => !!x)
      .map((t) => spokenRef(t.kind, t.ref) ?? truncate(t.label, 60));
    rows.push({
      id,
      kind: n.kind,
      kindName: KIND_STYLES[n.kind].name,
      ref: spokenRef(n.kind, n.ref) ?? '',
      title: n.label,
      lead: leads.length > 0 ? leads.join('; ') : n.leadVague ? '(lead too vague to name)' : '',
      outcomes: serves.join('; '),
      status: n.status ?? (n.kind === 'Action' ? 'unknown' : ''),
    });
  }
  return rows;
}

export function sortRows(rows: readonly TableRow[], sort: TableSort): TableRow[] {
  const dir = sort.direction === 'ascending' ? 1 : -1;
  const key = sort.key;
  const compare = (a: TableRow, b: TableRow): number => {
    if (key === 'kind') return NODE_KINDS.indexOf(a.kind) - NODE_KINDS.indexOf(b.kind);
    if (key === 'status') return STATUSES.indexOf(a.status as never) - STATUSES.indexOf(b.status as never);
    return naturalCompare(a[key], b[key]);
  };
  return [...rows].sort((a, b) => {
    // Empty cells go last whichever way the column is sorted.
    if (a[key] === '' && b[key] !== '') return 1;
    if (b[key] === '' && a[key] !== '') return -1;
    return dir * compare(a, b) || naturalCompare(a.ref, b.ref) || naturalCompare(a.id, b.id);
  });
}

export function nextSort(current: TableSort, key: TableColumn): TableSort {
  if (current.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
