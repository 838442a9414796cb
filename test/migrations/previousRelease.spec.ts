import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipId, type NodeInput } from '../../model/index.js';
import { systemQueryName, SYSTEM_TABLE_NAMES } from '../../model/system.js';
import { changePipelineFor } from '../../server/changes/pipeline.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { nodeParams, relationshipParams } from '../../server/graph/records.js';
import { MIGRATIONS, appliedMigrations, runMigrations } from '../../server/migrations/index.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import type { NodeValue, RelationshipValue } from '../../server/store/port.js';
import { schemaColumns, writeOldRelease } from '../fixtures/oldReleaseDirectory.js';

/**
 * A data directory made by the release before the change pipeline (commit 1eba71c):
 * built here from that release's own schema (test/fixtures/release-1eba71c, saved with
 * `git show 1eba71c:cypher/schema/schema.ladybug.cypher`) and the seed written with it,
 * then opened by this version. Every node and relationship must survive with every
 * value, the new tables must exist, and the migrations must run once each.
 */

const OLD_SCHEMA = readFileSync(new URL('../fixtures/release-1eba71c/schema.ladybug.cypher', import.meta.url), 'utf8');

/** Columns of each table as the old schema declares them. */
const oldColumns = () => schemaColumns(OLD_SCHEMA);

const { files } = checkSeedSet(seedFilePaths());
const seedNodes = new Map<string, NodeInput>();
for (const f of files) for (const n of f.seed.nodes) if (!seedNodes.has(n.id)) seedNodes.set(n.id, n);
const seedRels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));

const dir = mkdtempSync(join(tmpdir(), 'gt-previous-release-'));
const path = join(dir, 'golden-thread.lbug');

/** Writes the seed with nothing but the old schema's tables and columns, as the old release stored it. */
async function buildPreviousReleaseDirectory(): Promise<void> {
  await writeOldRelease(path, OLD_SCHEMA, async (w) => {
    for (const node of seedNodes.values()) {
      // Kinds the old schema has no table for (issue 10's Programme and Output) were not in that release: migration 11 adds them.
      if (!w.columns.has(node.kind)) continue;
      await w.node(node, 1);
    }
    // Links of types or endpoint pairs the old schema cannot hold (issue 10's CITES, REPORTS_ON, REQUESTS,
    // SUPPORTS, LEADS to a milestone) were not in that release: migration 11 adds them from the seed.
    const oldPairs = new Set(
      [...OLD_SCHEMA.matchAll(/CREATE REL TABLE IF NOT EXISTS (\w+)\((.*)\);/g)].flatMap((m) => [...m[2]!.matchAll(/FROM (\w+) TO (\w+)/g)].map((p) => `${m[1]} ${p[1]} ${p[2]}`)),
    );
    for (const rel of seedRels.values()) {
      if (!oldPairs.has(`${rel.type} ${seedNodes.get(rel.from)!.kind} ${seedNodes.get(rel.to)!.kind}`)) continue;
      await w.relationship(relationshipId(rel.from, rel.type, rel.to), rel, seedNodes.get(rel.from)!.kind, seedNodes.get(rel.to)!.kind);
    }
  });
}

let store: LadybugStore;
let firstRun: Awaited<ReturnType<typeof runMigrations>>;

beforeAll(async () => {
  await buildPreviousReleaseDirectory();
  store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  firstRun = await runMigrations(store);
}, 240_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a data directory made by the previous release', () => {
  it('was built without the system tables or the SERVES evidence columns (the fixture is the old schema)', () => {
    expect(OLD_SCHEMA).not.toMatch(/AuditEntry|rationale|evidenceNote/);
    expect(oldColumns().get('SERVES')).toEqual(expect.arrayContaining(['linkBasis', 'printedAs']));
  });

  it('runs every migration once, in order, and records it', async () => {
    expect(firstRun.applied.map((m) => m.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect((await appliedMigrations(store)).map((m) => [m.migrationId, m.name])).toEqual(MIGRATIONS.map((m) => [m.id, m.name]));
    const again = await runMigrations(store);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('keeps every node with every value it had', async () => {
    const counts = await countGraph(store);
    expect(counts.nodes).toBe(seedNodes.size);
    const rows = await store.read('graph/nodes-by-id', { ids: [...seedNodes.keys()] });
    expect(rows.length).toBe(seedNodes.size);
    const columns = oldColumns();
    for (const row of rows) {
      const stored = row.n as NodeValue;
      const seed = seedNodes.get(String(stored.properties.id))!;
      const expected = nodeParams(seed, 1);
      // A migration that adds a value to a node (issue 10's bases) changes it: its version may grow, never shrink.
      expect(Number(stored.properties.version)).toBeGreaterThanOrEqual(1);
      for (const col of (columns.get(seed.kind) ?? []).filter((c) => c !== 'version')) expect([seed.id, col, stored.properties[col] ?? null]).toEqual([seed.id, col, expected[col] ?? null]);
    }
  });

  it('keeps every relationship with every value it had', async () => {
    expect((await countGraph(store)).relationships).toBe(seedRels.size);
    const rows = await store.read('graph/relationships-out', { ids: [...seedNodes.keys()] });
    const found = new Map(rows.map((r) => [String((r.r as RelationshipValue).properties.id), r.r as RelationshipValue]));
    expect(found.size).toBe(seedRels.size);
    for (const [id, rel] of seedRels) {
      const stored = found.get(id);
      expect(stored, id).toBeDefined();
      const expected = relationshipParams(rel, id);
      for (const col of oldColumns().get(rel.type) ?? []) expect([id, col, stored!.properties[col] ?? null]).toEqual([id, col, expected[col] ?? null]);
    }
  });

  it('has the new tables, empty, and they take writes through the pipeline', async () => {
    for (const table of SYSTEM_TABLE_NAMES) expect(Array.isArray(await store.read(systemQueryName('all', table)))).toBe(true);
    const link = [...seedRels.values()].find((r) => r.type === 'SERVES')!;
    const result = await changePipelineFor(store).submit(
      {
        operations: [
          { op: 'unlink', type: 'SERVES', from: link.from, to: link.to },
          { op: 'link', type: 'SERVES', from: link.from, to: link.to, props: { ...link.props, rationale: 'kept after the upgrade', evidenceNote: 'migration test' } },
        ],
      },
      { id: 'tester', name: 'Migration Tester', role: 'editor' },
    );
    expect(result.committed).toBe(true);
    const rel = (await store.read('graph/relationships-between', { from: link.from, to: link.to })).map((r) => r.r as RelationshipValue).find((r) => r.type === 'SERVES')!;
    expect(rel.properties).toMatchObject({ rationale: 'kept after the upgrade', evidenceNote: 'migration test', linkBasis: link.props.linkBasis });
    expect((await store.read('system/audit-feed', { node: link.from, author: 'tester', plan: '', since: '', until: '', before: 0, cap: 5 })).length).toBe(1);
  });
});
