import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkSeedSet } from '../server/seed/checkSeedSet.js';
import { BASIS_TABLE_END, BASIS_TABLE_START, basisRows, basisTableMarkdown } from '../server/seed/basisTable.js';
import { seedFilePaths } from '../server/seed/seedFiles.js';

/** Rewrites the printed/inferred table in seed/README.md from the seed files. */
const readme = fileURLToPath(new URL('../seed/README.md', import.meta.url));
const { files } = checkSeedSet(seedFilePaths());
const table = basisTableMarkdown(basisRows(files));
const text = readFileSync(readme, 'utf8');
const start = text.indexOf(BASIS_TABLE_START);
const end = text.indexOf(BASIS_TABLE_END);
if (start < 0 || end < 0) throw new Error(`seed/README.md has no ${BASIS_TABLE_START} ... ${BASIS_TABLE_END} markers`);
writeFileSync(readme, text.slice(0, start) + table + text.slice(end + BASIS_TABLE_END.length));
console.log(table);
