import { mkdirSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedCypherFiles } from '../server/cypher/fromModel.js';

/** Writes the model-derived Cypher files into cypher/, removing generated files the model no longer needs. */
const root = fileURLToPath(new URL('../cypher/', import.meta.url));
const files = generatedCypherFiles();
const marker = '// Generated from the domain model';

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

mkdirSync(root, { recursive: true });
for (const path of walk(root)) {
  const rel = path.slice(root.length);
  if (!files.has(rel) && readFileSync(path, 'utf8').startsWith(marker)) rmSync(path);
}
for (const [rel, text] of files) {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}
console.log(`wrote ${files.size} generated query files into cypher/`);
