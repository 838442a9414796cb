import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLIENT_DIST } from './client.js';
import type { build as ViteBuild } from 'vite';

/**
 * Builds the explorer only when what was built is not what the sources say. The build
 * records a stamp (a hash of every file the bundle is made from: client/, model/, the
 * Vite config and the lockfile) beside the bundle; a start whose stamp matches serves
 * the bundle as it is. `npm start` on a fresh clone builds once; later starts do not.
 */

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STAMP = join(CLIENT_DIST, '.build-stamp');
const INPUTS = ['client', 'model', 'vite.config.ts', 'package-lock.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => files(join(path, e.name)));
}

/** A hash of the sources the explorer's bundle is built from, independent of their timestamps. */
export function clientSourceHash(root = ROOT): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((p) => files(join(root, p))).sort()) {
    hash.update(relative(root, file).replace(/\\/g, '/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function builtStamp(): string | null {
  return existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : null;
}

export type BuildOutcome = 'current' | 'built';

/** Builds dist/client when it is missing or stale; answers which it did. */
export async function ensureClientBuilt(log: (line: string) => void = () => undefined): Promise<BuildOutcome> {
  const wanted = clientSourceHash();
  if (builtStamp() === wanted && existsSync(join(CLIENT_DIST, 'index.html'))) return 'current';
  log('building the explorer (its sources changed since the last build)');
  let build: typeof ViteBuild;
  try {
    ({ build } = await import('vite'));
  } catch {
    throw new Error('the explorer is not built and Vite is not installed: run npm install (with dev dependencies), then npm run build');
  }
  await build({ configFile: join(ROOT, 'vite.config.ts'), root: join(ROOT, 'client'), logLevel: 'warn' });
  writeFileSync(STAMP, `${wanted}\n`);
  return 'built';
}
