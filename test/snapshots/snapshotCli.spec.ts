import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededCliDirectory } from '../fixtures/cli.js';

/** `npm run cli -- snapshot`, run as an operator runs it: real processes on one real data directory. */

const { root, cli } = seededCliDirectory('gt-snapshot-cli-');

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
  ])(
    '%j fails with exit %i and one line',
    async (args, code, line) => {
      const r = await cli(...args);
      expect(r.code).toBe(code);
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toContain(line);
    },
    60_000,
  );
});
