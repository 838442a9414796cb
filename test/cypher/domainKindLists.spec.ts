import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../model/index.js';

/**
 * LadybugDB queries that must never scan system tables name the domain kinds one by one
 * (`MATCH (n:Plan|Organisation|...)`). A kind added to the model but missing from such a
 * list is silently invisible (issue 10's Programme and Output were, until this test):
 * the seed loaded them, but counts, searches and id look-ups did not see them.
 */
const CYPHER = fileURLToPath(new URL('../../cypher/', import.meta.url));
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const lists = walk(CYPHER)
  .filter((f) => f.endsWith('.cypher'))
  .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\(\w+:((?:\w+\|){5,}\w+)\)/g)].map((m) => [f.slice(CYPHER.length), m[1]!.split('|')] as const))
  .filter(([, kinds]) => kinds.includes('Plan') && kinds.includes('Action') && kinds.includes('Funding'));

describe('queries that list the domain kinds by name', () => {
  it('are found (the check is not vacuous)', () => {
    expect(lists.map(([f]) => f)).toEqual(expect.arrayContaining(['stats/count-nodes.ladybug.cypher', 'graph/nodes-by-id.ladybug.cypher', 'search/all-nodes.ladybug.cypher']));
  });
  it.each(lists)('%s lists every kind of the model', (_file, kinds) => {
    expect([...kinds].sort()).toEqual([...NODE_KINDS].sort());
  });
});
