import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipId } from '../../model/index.js';
import { countGraph, getNode } from '../../server/graph/graphReader.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import type { GraphStore } from '../../server/store/port.js';
import { STORE_FACTORIES } from '../store/storeFactories.js';

/** What the seed files hold, counted from the files themselves: organisations repeated across files count once. */
function expectedCounts() {
  const { files } = checkSeedSet(seedFilePaths());
  const nodes = new Set(files.flatMap((f) => f.seed.nodes.map((n) => n.id)));
  const rels = new Set(files.flatMap((f) => f.seed.relationships.map((r) => relationshipId(r.from, r.type, r.to))));
  return { nodes: nodes.size, relationships: rels.size };
}

const factories = STORE_FACTORIES.map((f) => f());

describe.each(factories)('loading the seed into $name', (factory) => {
  if (!factory.available) {
    it.skip(`skipped: ${factory.why}`, () => undefined);
    return;
  }
  let store: GraphStore;
  beforeAll(async () => {
    store = await factory.create();
  }, 120_000);
  afterAll(async () => {
    await factory.dispose();
  });

  it('loads every file and holds exactly what the files hold', async () => {
    const reports = await loadSeed(store);
    expect(reports.filter((r) => !r.loaded)).toEqual([]);
    const counts = await countGraph(store);
    expect({ nodes: counts.nodes, relationships: counts.relationships }).toEqual(expectedCounts());
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await countGraph(store);
    const reports = await loadSeed(store);
    for (const r of reports) expect(r.summary).toMatchObject({ created: 0, updated: 0 });
    expect(await countGraph(store)).toEqual(before);
    expect((await getNode(store, 'lcja-2008:action:2.5.7'))!.version).toBe(1);
  });

  it('merges an organisation named in several documents into one node with every alias', async () => {
    const sps = await getNode(store, 'org:scottish-prison-service');
    expect(sps!.kind).toBe('Organisation');
    expect((sps!.props as { aliases: string[] }).aliases).toContain('SPS');
  });
});

describe('loading a set with a broken document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gt-seed-broken-'));
  const factory = factories[0]!;
  let store: GraphStore;
  beforeAll(async () => {
    copyFileSync(join(SEED_DIR, 'frameworks.yaml'), join(dir, 'frameworks.yaml'));
    copyFileSync(join(SEED_DIR, 'lanarkshire-cja-chief-officer-update-2007.yaml'), join(dir, 'lanarkshire-cja-chief-officer-update-2007.yaml'));
    // The 2010 report with one action's planType-like typo: a status the model does not know.
    const text = readFileSync(join(SEED_DIR, 'lanarkshire-cja-q2-progress-2010.yaml'), 'utf8');
    const broken = text.replace(/status: on target/, 'status: going well');
    expect(broken).not.toBe(text);
    writeFileSync(join(dir, 'lanarkshire-cja-q2-progress-2010.yaml'), broken);
    store = await factory.create();
  }, 120_000);
  afterAll(async () => {
    await factory.dispose();
  });

  it('reports the file, line and field, writes nothing of it, and loads the others', async () => {
    const reports = await loadSeed(store, seedFilePaths(dir));
    const bad = reports.find((r) => r.file === 'lanarkshire-cja-q2-progress-2010.yaml')!;
    expect(bad.loaded).toBe(false);
    const brokenLine = readFileSync(join(dir, 'lanarkshire-cja-q2-progress-2010.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('going well')) + 1;
    expect(bad.problems[0]).toMatch(new RegExp(`^lanarkshire-cja-q2-progress-2010\\.yaml:${brokenLine}: nodes\\.\\d+\\.props\\.status: `));
    expect(await getNode(store, 'plan:lcja-2010')).toBeNull();
    expect(await getNode(store, 'lcja-2010:action:1')).toBeNull();
    expect(reports.filter((r) => r.loaded).map((r) => r.file).sort()).toEqual(['frameworks.yaml', 'lanarkshire-cja-chief-officer-update-2007.yaml']);
    expect(await getNode(store, 'plan:lcja-2007')).not.toBeNull();
  });
});
