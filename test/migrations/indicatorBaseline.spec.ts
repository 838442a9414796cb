import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipId, type NodeInput } from '../../model/index.js';
import { changePipelineFor } from '../../server/changes/pipeline.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { MIGRATIONS, runMigrations } from '../../server/migrations/index.js';
import { buildProgressReport } from '../../server/reports/reportData.js';
import { indicatorCells } from '../../server/reports/reportCells.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import type { NodeValue } from '../../server/store/port.js';
import { writeOldRelease } from '../fixtures/oldReleaseDirectory.js';

/**
 * Migration 50 (issue 14): a data directory made by the release before it, whose Indicator
 * table has no baseline column (today's schema without that one column: nothing else
 * changed in between), with the seed and migrations 1-12 recorded, and one indicator a
 * planner edited. Opened by this version, migration 50 alone runs; every indicator keeps
 * every value, the edit stays, no baseline appears from nowhere, and a baseline can then
 * be entered through the change pipeline and reaches the report.
 */

const SCHEMA = readFileSync(new URL('../../cypher/schema/schema.ladybug.cypher', import.meta.url), 'utf8');
const OLD_SCHEMA = SCHEMA.replace(/(CREATE NODE TABLE IF NOT EXISTS Indicator\([^;]*?), baseline STRING/, '$1');
const SYSTEM_SCHEMA = readFileSync(new URL('../../cypher/schema/system.ladybug.cypher', import.meta.url), 'utf8');

const { files } = checkSeedSet(seedFilePaths());
const seedNodes = new Map<string, NodeInput>();
for (const f of files) for (const n of f.seed.nodes) if (!seedNodes.has(n.id)) seedNodes.set(n.id, n);
const seedRels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));
const indicatorIds = [...seedNodes.values()].filter((n) => n.kind === 'Indicator').map((n) => n.id);

const EDITED = 'gcjsw-2013:indicator:attendance-rate';
const dir = mkdtempSync(join(tmpdir(), 'gt-indicator-baseline-'));

async function buildOldDirectory(): Promise<void> {
  await writeOldRelease(join(dir, 'golden-thread.lbug'), `${OLD_SCHEMA}\n${SYSTEM_SCHEMA}`, async (w) => {
    for (const node of seedNodes.values()) {
      // An edit of the old release: a planner corrected the attendance rate's actual (version 2).
      const edited = node.id === EDITED;
      await w.node(edited ? { ...node, props: { ...node.props, actual: '71%' } } : node, edited ? 2 : 1);
    }
    for (const [id, rel] of seedRels) await w.relationship(id, rel, seedNodes.get(rel.from)!.kind, seedNodes.get(rel.to)!.kind);
    // The old release had run every migration before 50.
    await w.migrated(
      MIGRATIONS.filter((m) => m.id < 50),
      '2026-11-30T10:00:00.000Z',
    );
  });
}

let store: LadybugStore;
let applied: number[] = [];
const indicator = async (id: string) => ((await store.read('graph/nodes-by-id', { ids: [id] }))[0]?.n as NodeValue | undefined)?.properties;

beforeAll(async () => {
  await buildOldDirectory();
  store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  applied = (await runMigrations(store)).applied.map((m) => m.id);
}, 300_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a data directory from before migration 50, opened by this version', () => {
  it('the fixture really lacks the column, and only migration 50 runs', () => {
    expect(OLD_SCHEMA).not.toMatch(/Indicator\([^;]*baseline/);
    expect(SCHEMA).toMatch(/Indicator\([^;]*baseline STRING/);
    expect(applied).toEqual([50]);
  });

  it('keeps every node, link and indicator value, and the planner’s edit', async () => {
    expect(await countGraph(store)).toMatchObject({ nodes: seedNodes.size, relationships: seedRels.size });
    for (const id of indicatorIds) {
      const props = (await indicator(id))!;
      const seed = seedNodes.get(id)!.props as Record<string, unknown>;
      const expected = id === EDITED ? { ...seed, actual: '71%' } : seed;
      for (const [field, value] of Object.entries(expected)) expect([id, field, props[field]]).toEqual([id, field, value]);
      // No document prints a baseline (Glasgow lines 585-593 print measure, target, actual, next target).
      expect(props.baseline ?? null).toBeNull();
    }
    expect(await indicator(EDITED)).toMatchObject({ version: 2, actual: '71%' });
  });

  it('then takes a baseline through the change pipeline, which the report prints; the others say "not printed"', async () => {
    const res = await changePipelineFor(store).submit(
      { operations: [{ op: 'update', id: EDITED, expectedVersion: 2, set: { baseline: '62%' }, unset: [] }], reason: 'baseline from the 2010-11 annual report' },
      { id: 'user:planner', name: 'A Planner', role: 'editor' },
    );
    expect(res.committed).toBe(true);
    expect(await indicator(EDITED)).toMatchObject({ version: 3, baseline: '62%', actual: '71%' });
    const report = await buildProgressReport(store, 'plan:gcjsw-2013');
    const cells = Object.fromEntries(report.indicators.map((i) => [i.measure, indicatorCells(i).baseline]));
    expect(cells).toEqual({
      'Number of new CPOs (NEW)': 'not printed',
      '% of work placements commenced within 7 days of sentence': 'not printed',
      '% of CPOs with a Case Management Plan within 20 days': 'not printed',
      'Number of reviews within reporting period': 'not printed',
      'Attendance Rate': '62%',
    });
  });

  it('changes nothing when run again', async () => {
    await MIGRATIONS.find((m) => m.id === 50)!.up(store);
    expect(await indicator(EDITED)).toMatchObject({ version: 3, baseline: '62%' });
  });
});
