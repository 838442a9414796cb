import { resolve } from 'node:path';
import { checkSeedSet } from './checkSeedSet.js';
import { formatProblem } from './readSeedFile.js';
import { seedFilePaths } from './seedFiles.js';

/**
 * `npm run seed:check`: validates every seed file (schema, quotes at their lines,
 * relationship endpoints) without touching a database, and prints counts per kind.
 * Exit code 1 when anything is wrong.
 */
const all = seedFilePaths();
const only = process.argv.slice(2).map((p) => resolve(p));
const { files, problems } = checkSeedSet(all);
const shown = only.length ? problems.filter((p) => only.some((o) => o.endsWith(p.file))) : problems;
for (const p of shown) console.error(formatProblem(p));
for (const f of files) {
  if (only.length && !only.includes(resolve(f.path))) continue;
  const kinds = new Map<string, number>();
  for (const n of f.seed.nodes) kinds.set(n.kind, (kinds.get(n.kind) ?? 0) + 1);
  for (const r of f.seed.relationships) kinds.set(r.type, (kinds.get(r.type) ?? 0) + 1);
  console.log(`${f.name}: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const finding of f.seed.findings) console.log(`  finding: ${finding}`);
}
console.log(shown.length ? `${shown.length} problem(s)` : 'seed files are valid');
process.exit(shown.length ? 1 : 0);
