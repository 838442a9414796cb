import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, runTsx } from '../fixtures/processes.js';

/** `npm run cli -- snapshot`, run as an operator runs it: real processes on one real data directory. */

const root = mkdtempSync(join(tmpdir(), 'gt-snapshot-cli-'));
const env = cleanEnv({ GT_DATA_DIR: join(root, 'data'), GT_BUFFER_POOL_MB: '256' });
const cli = async (...args: string[]) => {
  const run = runTsx('server/cli/main.ts', args, env);
  const exit = await run.exited;
  return { code: exit.code, out: run.stdout(), err: run.stderr() };
};

beforeAll(async () => {
  const seeded = runTsx('server/seed/seedCli.ts', [], env);
  expect((await seeded.exited).code).toBe(0);
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run cli -- snapshot', () => {
  it('creates, lists, compares with now and exports a snapshot, in separate processes', async () => {
    const made = await cli('snapshot', 'create', 'End', 'of', 'Q2', '2010', '--note', 'before the seminar');
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/^took snapshot:end-of-q2-2010 “End of Q2 2010”: \d+ nodes, \d+ relationships\n$/);
    const list = await cli('snapshot', 'list');
    expect(list.out).toContain('snapshot:end-of-q2-2010\tEnd of Q2 2010\t');
    const compared = await cli('snapshot', 'compare', 'snapshot:end-of-q2-2010');
    expect(compared.code).toBe(0);
    expect(compared.out).toBe('from End of Q2 2010 to the graph now: nodes 0 added, 0 removed, 0 changed; relationships 0 added, 0 removed, 0 changed\n');
    const out = join(root, 'q2.json');
    expect((await cli('snapshot', 'export', 'snapshot:end-of-q2-2010', '--format', 'json', '--out', out)).code).toBe(0);
    const file = JSON.parse(readFileSync(out, 'utf8'));
    expect(file.counts.nodes).toBe(Number(/(\d+) nodes/.exec(made.out)![1]));
  }, 120_000);

  it.each([
    [['snapshot', 'create', 'End of Q2 2010'], 1, 'golden-thread snapshot: a snapshot named like that already exists: snapshot:end-of-q2-2010'],
    [['snapshot', 'create'], 1, 'golden-thread snapshot: the snapshot name must not be empty'],
    [['snapshot', 'compare', 'yesterday'], 1, 'golden-thread snapshot: FROM '],
    [['snapshot', 'compare', 'snapshot:never-taken'], 1, 'golden-thread snapshot: no snapshot snapshot:never-taken'],
    [['snapshot', 'export', 'snapshot:end-of-q2-2010', '--format', 'odt', '--out', 'x'], 1, 'golden-thread snapshot: --format must be one of json, csv, graphml, neo4j'],
    [['snapshot', 'rename'], 1, 'golden-thread snapshot: say create, list, compare or export'],
  ])('%j fails with exit %i and one line', async (args, code, line) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(line);
  }, 60_000);
});
