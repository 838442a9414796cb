import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../model/index.js';
import { SYSTEM_TABLE_NAMES } from '../../model/system.js';
import { changePipelineFor } from '../../server/changes/pipeline.js';
import { DOMAIN_NODE_PATTERN } from '../../server/cypher/fromModel.js';
import { queries } from '../../server/cypher/registry.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { runMigrations } from '../../server/migrations/index.js';
import { QUERY_CATALOG } from '../../server/queries/catalog.js';
import { searchNodes } from '../../server/search/searchNodes.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import type { Value } from '../../server/store/port.js';

/**
 * System tables (audit entries, node histories, the approval queue, migrations) live in
 * the graph store but never in a domain read: with all of them holding rows, no
 * catalogued domain query returns one, and the counts are the seed's.
 */

const store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 256 });
let seedNodes = 0;

beforeAll(async () => {
  await store.open();
  await runMigrations(store);
  await loadSeed(store);
  seedNodes = (await countGraph(store)).nodes;
  const pipeline = changePipelineFor(store);
  const editor = { id: 'editor', name: 'Jane Doe', role: 'editor' as const };
  await pipeline.submit({ operations: [{ op: 'update', id: 'lcja-2008:action:2.5.7', set: { timescale: 'March 2009' } }], reason: 'victim support' }, editor);
  await pipeline.propose(
    { operations: [{ op: 'update', id: 'lcja-2008:action:2.5.7', set: { objective: 'victim support wording' } }] },
    {
      id: 'partner',
      name: 'Pat Partner',
      role: 'partner-editor',
      organisationId: 'org:mappa-steering-group',
    },
  );
}, 180_000);
afterAll(async () => {
  await store.close();
});

/** Every node label and every string in a result, however deeply nested. */
function walk(value: Value, labels: Set<string>, strings: Set<string>): void {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'string') strings.add(value);
    return;
  }
  if (Array.isArray(value)) return value.forEach((v) => walk(v, labels, strings));
  if ('graph' in value && value.graph === 'node') labels.add(String(value.label));
  for (const v of Object.values(value)) walk(v, labels, strings);
}

describe('system tables and domain reads', () => {
  it('hold rows in every table the pipeline writes', async () => {
    for (const table of ['AuditEntry', 'NodeChange', 'PendingChange', 'Migration'])
      expect((await store.read(`system/all-${table.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`)).length, table).toBeGreaterThan(0);
  });

  it('leave the domain counts as the seed made them', async () => {
    const counts = await countGraph(store);
    expect(counts.nodes).toBe(seedNodes);
    expect(Object.keys(counts.nodesByKind).filter((k) => !(NODE_KINDS as string[]).includes(k))).toEqual([]);
  });

  it.each(QUERY_CATALOG.filter((e) => !e.name.startsWith('system/')).map((e) => [e.name, e] as const))('%s returns no system row', async (name, entry) => {
    const rows = await store.read(name, entry.params.parse(entry.example) as Record<string, unknown>);
    const labels = new Set<string>();
    const strings = new Set<string>();
    for (const row of rows) walk(row, labels, strings);
    expect([...labels].filter((l) => (SYSTEM_TABLE_NAMES as string[]).includes(l))).toEqual([]);
    expect([...strings].filter((s) => /^(change|pending):|^0001$/.test(s) || SYSTEM_TABLE_NAMES.includes(s as never))).toEqual([]);
  });

  it('search does not find the words of an audit reason or a queued change', async () => {
    // "victim support wording" is only in the queued change's objective, "victim support" the audit reason:
    // whatever search finds for them is a domain node, and no excerpt shows the queued wording.
    const results = await searchNodes(store, { q: 'victim support wording', limit: 50 });
    expect(results.filter((r) => !(NODE_KINDS as string[]).includes(r.kind) || /^(change|pending):/.test(r.id))).toEqual([]);
    expect(JSON.stringify(results)).not.toContain('victim support wording');
    // And the index holds domain nodes only: the search rows are all of the domain's kinds.
    const rows = await store.read('search/all-nodes');
    expect(rows.map((r) => (r.n as { label: string }).label).filter((l) => !(NODE_KINDS as string[]).includes(l))).toEqual([]);
  });

  it('every LadybugDB query that names the domain kinds names all of them (a new kind cannot be left out)', () => {
    const registry = queries();
    const union = /MATCH \(n:((?:[A-Z]\w*\|){5,}[A-Z]\w*)/g;
    const found = registry.names().flatMap((name) => [...registry.text(name, 'ladybug').matchAll(union)].map((m) => [name, m[1]] as const));
    expect(found.length).toBeGreaterThanOrEqual(6);
    for (const [name, kinds] of found) expect([name, kinds]).toEqual([name, DOMAIN_NODE_PATTERN]);
  });
});
