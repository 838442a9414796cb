import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipId } from '../../model/index.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { MIGRATIONS, runMigrations, type MigrationReport } from '../../server/migrations/index.js';
import { programmeUpgradeOperations } from '../../server/migrations/0012-programmes-outputs-objectives.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import type { NodeValue, RelationshipValue } from '../../server/store/port.js';
import { oldSeed, writeOldRelease } from '../fixtures/oldReleaseDirectory.js';

/**
 * A data directory made by the previous release (41ee337, with migrations 1, 10 and 11
 * recorded) WITH THAT RELEASE'S OWN SEED, saved under test/fixtures/release-41ee337 with
 * `git show 41ee337:<file>`: its relationship tables cannot join an Output, a key
 * objective's progress or a programme's funding; the 218 Service is an organisation; every
 * Lothian & Borders action holds its output as text. Two edits a person made are in it.
 * Opened by this version, migration 12 alone must run and give it this seed's programmes,
 * outputs and MAPPA progress, keeping the edits.
 */

const FIXTURE = new URL('../fixtures/release-41ee337/', import.meta.url);
const OLD_SCHEMA = ['schema.ladybug.cypher', 'system.ladybug.cypher'].map((f) => readFileSync(new URL(f, FIXTURE), 'utf8')).join('\n');
const { nodes: oldNodes, relationships: oldRels } = oldSeed(FIXTURE);

const { files } = checkSeedSet(seedFilePaths());
const seedRels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));
const seedNodeIds = new Set(files.flatMap((f) => f.seed.nodes.map((n) => n.id)));

const dir = mkdtempSync(join(tmpdir(), 'gt-issue-10-programmes-'));
const EDITED_AT = '2026-12-01T10:00:00.000Z';
/** The first edit: a planner reworded the output text of L&B action 2.3.1-a (version 2). */
const EDITED_ACTION = 'lbcja-2011:action:2.3.1-a';
const EDITED_OUTPUT = 'Have range of resources available, reworded in a seminar';
/** The second edit: a LEADS link a person added to an L&B action, with the edit's basis. */
const ADDED = {
  type: 'LEADS',
  from: 'org:sacro',
  to: 'lbcja-2011:action:2.3.1-e',
  props: { linkBasis: 'added by an edit', role: 'added in a seminar' },
  provenance: { source: 'edit', author: 'planner', at: EDITED_AT },
};

async function buildPreviousReleaseDirectory(): Promise<void> {
  await writeOldRelease(join(dir, 'golden-thread.lbug'), OLD_SCHEMA, async (w) => {
    for (const node of oldNodes.values()) {
      const edited = node.id === EDITED_ACTION;
      await w.node({ ...node, props: edited ? { ...node.props, output: EDITED_OUTPUT } : node.props }, edited ? 2 : 1);
    }
    for (const [id, rel] of [...oldRels, [relationshipId(ADDED.from, ADDED.type, ADDED.to), ADDED] as const]) {
      await w.relationship(id, rel, oldNodes.get(rel.from)!.kind, oldNodes.get(rel.to)!.kind);
    }
    // The previous release had run migrations 1, 10 and 11 on this store.
    await w.migrated(
      [
        { id: 1, name: 'serves-evidence' },
        { id: 10, name: 'basis-columns' },
        { id: 11, name: 'seed-bases-and-corrections' },
      ],
      EDITED_AT,
    );
  });
}

let store: LadybugStore;
let report: MigrationReport;
const node = async (id: string) => ((await store.read('graph/nodes-by-id', { ids: [id] }))[0]?.n as NodeValue | undefined)?.properties;
const rel = async (from: string, type: string, to: string) =>
  (await store.read('graph/relationships-between', { from, to })).map((r) => r.r as RelationshipValue).find((r) => r.type === type)?.properties;

beforeAll(async () => {
  await buildPreviousReleaseDirectory();
  store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  report = await runMigrations(store);
}, 300_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a data directory of release 41ee337, with its own seed, after migration 12', () => {
  it('the fixture really is the previous seed: the 218 Service an organisation, outputs as text, no MAPPA progress', () => {
    expect(oldNodes.get('org:218-service')?.kind).toBe('Organisation');
    expect(oldNodes.get('lbcja-2011:action:2.3.1-b')!.props.output).toBe('Have range of resources available to meet need in custody, community and reintegration');
    expect([...oldNodes.values()].filter((n) => n.kind === 'Output' || n.kind === 'Programme')).toEqual([]);
    expect(oldNodes.has('gcjsw-2013:progress:mappa-objective-10')).toBe(false);
  });

  it('runs migration 12 and every other migration that release lacked: 1, 10 and 11 are recorded as applied', () => {
    expect(report.alreadyApplied).toEqual([1, 10, 11]);
    expect(report.applied).toContainEqual({ id: 12, name: 'programmes-outputs-objectives' });
    // Migrations written later run too, each once, in id order: 2 (a session's last request), 3 (an account's
    // authenticator), 4 (a session's identity provider), 50 (the indicator baseline).
    expect(report.applied.map((m) => m.id)).toEqual(MIGRATIONS.map((m) => m.id).filter((id) => ![1, 10, 11].includes(id)));
    expect(report.applied.map((m) => m.id)).toEqual([2, 3, 4, 12, 50]);
  });

  it('holds every node and relationship of the current seed, with the seed’s basis, and the edit’s link besides', async () => {
    const counts = await countGraph(store);
    expect(counts.nodes).toBe(seedNodeIds.size);
    expect(counts.nodesByKind).toMatchObject({ Programme: 5, Output: 30 });
    const rows = await store.read('graph/relationships-out', { ids: [...seedNodeIds] });
    const found = new Map(rows.map((r) => [String((r.r as RelationshipValue).properties.id), (r.r as RelationshipValue).properties]));
    for (const [id, r] of seedRels) expect([id, found.get(id)?.linkBasis]).toEqual([id, r.props.linkBasis]);
    expect(counts.relationships).toBe(seedRels.size + 1);
    expect(await rel(ADDED.from, 'LEADS', ADDED.to)).toMatchObject({ role: 'added in a seminar', linkBasis: 'added by an edit', provSource: 'edit' });
  });

  it('the 218 Service is a programme (Glasgow line 487) that 8.3 uses (line 650); the organisation, untouched by any edit, is gone', async () => {
    expect(await node('org:218-service')).toBeUndefined();
    expect(await node('programme:218-service')).toMatchObject({ name: '218 Service', aliases: ['218 Project'] });
    expect(await rel('gcjsw-2013:action:8.3-2013', 'USES', 'programme:218-service')).toMatchObject({ linkBasis: 'printed in the same row' });
  });

  it('outputs are nodes: 2.3.1-b no longer holds its output as text and delivers Output 2.3.1 (line 831), which serves Outcome 2.3', async () => {
    expect((await node('lbcja-2011:action:2.3.1-b'))!.output ?? null).toBeNull();
    expect(await rel('lbcja-2011:action:2.3.1-b', 'DELIVERS', 'lbcja-2011:output:2.3.1')).toMatchObject({ linkBasis: 'document structure' });
    expect(await rel('lbcja-2011:output:2.3.1', 'SERVES', 'lbcja-2011:local-outcome:2.3')).toMatchObject({ linkBasis: 'printed heading' });
  });

  it('keeps the edit: 2.3.1-a keeps the output text a person wrote, and still gains its Output node', async () => {
    expect(await node(EDITED_ACTION)).toMatchObject({ output: EDITED_OUTPUT, version: 2 });
    expect(await rel(EDITED_ACTION, 'DELIVERS', 'lbcja-2011:output:2.3.1')).toMatchObject({ linkBasis: 'printed in the same row' });
  });

  it('Glasgow MAPPA objective 10 (line 404) has its progress: complete, read from the narrative', async () => {
    expect(await node('gcjsw-2013:progress:mappa-objective-10')).toMatchObject({ status: 'complete', statusBasis: 'narrative', period: '2011-12' });
    expect(await rel('gcjsw-2013:priority:mappa-objective-10', 'HAS_PROGRESS', 'gcjsw-2013:progress:mappa-objective-10')).toBeDefined();
    expect(await rel('lcja-2007:funding:community-sex-offender-groupwork-programme', 'FUNDS', 'programme:csogp')).toMatchObject({ linkBasis: 'printed heading' });
  });

  it('aliases by document: Glasgow CJSW keeps "CJSW" for the Glasgow plan only; the Lanarkshire councils are "CJSW" in the 2010 report', async () => {
    expect(oldNodes.get('org:glasgow-cjsw')!.props.aliases).toContain('CJSW');
    const cjsw = await node('org:glasgow-cjsw');
    expect(cjsw!.aliases).not.toContain('CJSW');
    expect(cjsw!.documentAliases).toEqual(['glasgow-cjsw-strategic-plan-2013-15.txt: CJSW']);
    expect((await node('org:north-lanarkshire-council'))!.documentAliases).toEqual(['lanarkshire-cja-q2-progress-2010.txt: CJSW']);
    expect((await node('org:lanarkshire-cja'))!.documentAliases).toEqual([
      'lanarkshire-cja-chief-officer-update-2007.txt: CJA',
      'lanarkshire-cja-chief-officer-update-2007.txt: Community Justice Authority',
      'lanarkshire-cja-q2-progress-2010.txt: CJA',
    ]);
  });

  it('changes nothing when it runs again (it is idempotent)', async () => {
    expect(await programmeUpgradeOperations(store)).toEqual([]);
  });
});
