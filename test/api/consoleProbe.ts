import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { SeededServer } from './seededServer.js';

/**
 * What every attack on the query console is checked against: a folder of bait on disk
 * (a secret file to read, paths to write to), the graph counts, and the server's health.
 */

export const SECRET_TOKEN = `gt-secret-${process.pid}-a9f3c1`;

export type Bait = {
  dir: string;
  secretPath: string;
  /** A path inside the bait folder (nothing may ever appear there). */
  at(name: string): string;
  /** Fails unless the folder holds exactly the untouched secret file. */
  expectUntouched(what: string): void;
  remove(): void;
};

export function layBait(): Bait {
  const dir = mkdtempSync(join(tmpdir(), 'gt-bait-'));
  const secretPath = join(dir, 'secret.csv');
  const secret = `${SECRET_TOKEN}:x:0:0:root\n${SECRET_TOKEN}:y:1:1:daemon\n`;
  writeFileSync(secretPath, secret);
  return {
    dir,
    secretPath,
    at: (name) => join(dir, name),
    expectUntouched(what) {
      expect(readdirSync(dir, { recursive: true }), `files in the bait folder after ${what}`).toEqual(['secret.csv']);
      expect(readFileSync(secretPath, 'utf8'), `the secret after ${what}`).toBe(secret);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export type Counts = { nodes: number; relationships: number };

export async function countsOf(api: SeededServer): Promise<Counts> {
  const { body } = await api.get<{ counts: Counts }>('/api/health');
  return body.counts;
}

/**
 * The best of up to ten health calls, stopping at the first under 100 ms: one figure on a
 * machine shared with other busy processes says little, but a server that a crash, a
 * hang or a runaway query had stalled would answer none of them fast.
 */
export async function healthBestOf(api: SeededServer, tries = 10): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < tries; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 25 * i));
    const started = performance.now();
    const { status } = await api.get('/api/health');
    expect(status).toBe(200);
    best = Math.min(best, performance.now() - started);
    if (best < 100) break;
  }
  return best;
}

/** The body leaks nothing of the secret, the process environment or the engine's internals. */
export function expectNoLeak(body: unknown, what: string): void {
  const text = JSON.stringify(body);
  expect(text, what).not.toContain(SECRET_TOKEN);
  expect(text, what).not.toMatch(/root:x:0:0|NEO4J_PASSWORD|PATH=|exception|assertion|\.cpp|\.h"|\/__w\//i);
}
