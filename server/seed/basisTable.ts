import { basisClass, BASES, type Basis, type BasisClass } from '../../model/index.js';
import type { SeedFile } from '../../model/seedFile.js';

/**
 * Per document, how many links, statuses and due dates the document prints and how
 * many curation inferred: the table seed/README.md carries, computed from the seed
 * files so that it cannot drift from them (test/seed/basisTable.spec.ts compares).
 * Statuses are those of actions and milestones (a progress note's status is its
 * action's), and of progress notes that belong to no action (Glasgow's MAPPA key
 * objectives, whose only status is their note's); due dates are those of actions and milestones.
 */

export type Tally = Record<BasisClass, number>;
export type BasisRow = { document: string; links: Tally; statuses: Tally; dueDates: Tally };

const zero = (): Tally => ({ printed: 0, inferred: 0, edit: 0 });

function count(tally: Tally, basis: unknown, what: string): void {
  if (typeof basis !== 'string' || !(BASES as readonly string[]).includes(basis)) throw new Error(`${what} has no basis from the vocabulary (${String(basis)})`);
  tally[basisClass(basis as Basis)] += 1;
}

export function basisRows(files: { name: string; seed: SeedFile }[]): BasisRow[] {
  return files
    .filter((f) => f.seed.document !== null)
    .map((f) => {
      const row: BasisRow = { document: f.seed.document!, links: zero(), statuses: zero(), dueDates: zero() };
      for (const r of f.seed.relationships) count(row.links, r.props.linkBasis, `${r.type} ${r.from} -> ${r.to}`);
      const ids = new Map(f.seed.nodes.map((n) => [n.id, n.kind]));
      const ownStatus = new Set(f.seed.relationships.filter((r) => r.type === 'HAS_PROGRESS' && ids.get(r.from) === 'Priority').map((r) => r.to));
      for (const n of f.seed.nodes) {
        if (n.kind !== 'Action' && n.kind !== 'Milestone' && !ownStatus.has(n.id)) continue;
        const p = n.props as Record<string, unknown>;
        if (p.status !== undefined) count(row.statuses, p.statusBasis, `status of ${n.id}`);
        if (p.dueDate !== undefined) count(row.dueDates, p.dueDateBasis, `due date of ${n.id}`);
      }
      return row;
    });
}

const cells = (t: Tally) => `${t.printed} | ${t.inferred}`;

export const BASIS_TABLE_START = '<!-- basis-table:start (npm run seed:bases writes this table) -->';
export const BASIS_TABLE_END = '<!-- basis-table:end -->';

export function basisTableMarkdown(rows: BasisRow[]): string {
  const total = rows.reduce(
    (acc, r) => {
      for (const k of ['links', 'statuses', 'dueDates'] as const) for (const c of ['printed', 'inferred', 'edit'] as const) acc[k][c] += r[k][c];
      return acc;
    },
    { document: 'all documents', links: zero(), statuses: zero(), dueDates: zero() },
  );
  const lines = [
    '| document | links printed | links inferred | statuses printed | statuses inferred | due dates printed | due dates inferred |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...rows, total].map((r) => `| ${r.document === 'all documents' ? '**all documents**' : `\`${r.document}\``} | ${cells(r.links)} | ${cells(r.statuses)} | ${cells(r.dueDates)} |`),
  ];
  return [BASIS_TABLE_START, ...lines, BASIS_TABLE_END].join('\n');
}
