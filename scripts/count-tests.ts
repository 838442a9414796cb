/**
 * `npm run test:count`: how many of the suite's tests are behaviour tests and how many are
 * rows of tables, per folder. A behaviour test is a hand-written `it(...)`; a table row is one
 * case of an `it.each(...)` table (the same check over every query file, generated file, input
 * or colour, say). The headline number of tests mixes the two; this separates them.
 *
 * Method: vitest collects the tests without running them (`vitest list`), which gives the
 * total per file; the `it(` calls written in the file are its behaviour tests; the rest are
 * table rows. (No test file declares `it(` inside a loop, so a written call is one test. The
 * store contract runs per adapter through `describe.each`; without NEO4J_URI the Neo4j run is
 * one skip, so its written tests count once. With NEO4J_URI set the Neo4j repeats count as rows.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

type Listed = { name: string; file: string };

const out = join(mkdtempSync(join(tmpdir(), 'gt-count-')), 'tests.json');
execFileSync('npx', ['vitest', 'list', `--json=${out}`], { stdio: ['ignore', 'ignore', 'inherit'] });
const listed = JSON.parse(readFileSync(out, 'utf8')) as Listed[];
rmSync(dirname(out), { recursive: true, force: true });

const perFile = new Map<string, number>();
for (const t of listed) perFile.set(t.file, (perFile.get(t.file) ?? 0) + 1);

/** Written `it(`/`test(` calls, skips included, tables (`it.each`) not. */
function writtenTests(file: string): number {
  const text = readFileSync(file, 'utf8');
  return (text.match(/(?<![.\w])(it|test)(\.skip|\.only|\.todo)?\(/g) ?? []).length;
}

type Tally = { behaviour: number; rows: number };
const perFolder = new Map<string, Tally>();
for (const [file, total] of perFile) {
  const folder = relative(process.cwd(), dirname(file));
  const behaviour = Math.min(total, writtenTests(file));
  const t = perFolder.get(folder) ?? { behaviour: 0, rows: 0 };
  t.behaviour += behaviour;
  t.rows += total - behaviour;
  perFolder.set(folder, t);
}

const rows = [...perFolder].sort(([a], [b]) => a.localeCompare(b));
const sum = rows.reduce((s, [, t]) => ({ behaviour: s.behaviour + t.behaviour, rows: s.rows + t.rows }), { behaviour: 0, rows: 0 });
console.log(`${'folder'.padEnd(18)} ${'behaviour'.padStart(9)} ${'table rows'.padStart(10)} ${'total'.padStart(6)}`);
for (const [folder, t] of rows) console.log(`${folder.padEnd(18)} ${String(t.behaviour).padStart(9)} ${String(t.rows).padStart(10)} ${String(t.behaviour + t.rows).padStart(6)}`);
console.log(`${'all'.padEnd(18)} ${String(sum.behaviour).padStart(9)} ${String(sum.rows).padStart(10)} ${String(sum.behaviour + sum.rows).padStart(6)}`);
