import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASES, relationshipId } from '../../model/index.js';
import { statementsOf } from '../../server/cypher/registry.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { nodeParams, relationshipParams } from '../../server/graph/records.js';
import { runMigrations } from '../../server/migrations/index.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { toLadybugParams } from '../../server/store/ladybug/values.js';
import type { NodeValue, RelationshipValue } from '../../server/store/port.js';

/**
 * A data directory made by release 1eba71c WITH THAT RELEASE'S OWN SEED (saved under
 * test/fixtures/release-1eba71c/seed with `git show 1eba71c:seed/<file>`): no basis on
 * any link but SERVES, no status basis, the misreadings of review 10, and two edits a
 * person made. Opened by this version, migrations 10 and 11 must give it the current
 * seed's bases and corrections and keep the edits.
 */

const FIXTURE = new URL('../fixtures/release-1eba71c/', import.meta.url);
const OLD_SCHEMA = readFileSync(new URL('schema.ladybug.cypher', FIXTURE), 'utf8');
type Loose = { kind: string; id: string; type: string; from: string; to: string; props: Record<string, unknown>; provenance: Record<string, unknown> };
const oldFiles = readdirSync(new URL('seed/', FIXTURE)).map((name) => parse(readFileSync(new URL(`seed/${name}`, FIXTURE), 'utf8')) as { nodes: Loose[]; relationships?: Loose[] });
const oldNodes = new Map<string, Loose>();
for (const f of oldFiles) for (const n of f.nodes) if (!oldNodes.has(n.id)) oldNodes.set(n.id, { ...n, props: { aliases: n.kind === 'Organisation' ? [] : undefined, ...n.props } });
const oldRels = new Map(oldFiles.flatMap((f) => (f.relationships ?? []).map((r) => [relationshipId(r.from, r.type, r.to), { ...r, props: r.props ?? {} }] as const)));

const { files } = checkSeedSet(seedFilePaths());
const seedRels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));
const seedNodeIds = new Set(files.flatMap((f) => f.seed.nodes.map((n) => n.id)));

function oldColumns(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const m of OLD_SCHEMA.matchAll(/CREATE (?:NODE|REL) TABLE IF NOT EXISTS (\w+)\((.*)\);/g)) {
    tables.set(m[1]!, m[2]!.split(',').map((c) => c.trim()).filter((c) => !c.startsWith('FROM ')).map((c) => c.split(' ')[0]!));
  }
  return tables;
}

const dir = mkdtempSync(join(tmpdir(), 'gt-issue-10-upgrade-'));
const EDITED_AT = '2026-11-30T10:00:00.000Z';

async function buildOldDirectory(): Promise<void> {
  const db = new lbug.Database(join(dir, 'golden-thread.lbug'), 256 * 1024 * 1024);
  await db.init();
  const conn = new lbug.Connection(db);
  const run = async (text: string, params: Record<string, unknown> = {}) => {
    const prepared = await conn.prepare(text);
    if (!prepared.isSuccess()) throw new Error(`${prepared.getErrorMessage()}\n${text}`);
    const result = await conn.execute(prepared, toLadybugParams(params));
    for (const r of Array.isArray(result) ? result : [result]) r.close();
  };
  for (const statement of statementsOf(OLD_SCHEMA)) await run(statement);
  const columns = oldColumns();
  await run('BEGIN TRANSACTION');
  for (const node of oldNodes.values()) {
    // An edit of the old release: a planner set 2.5.12 to "ongoing" (version 2).
    const edited = node.id === 'lcja-2008:action:2.5.12';
    const params = nodeParams({ ...node, props: edited ? { ...node.props, status: 'ongoing' } : node.props } as never, edited ? 2 : 1);
    const cols = columns.get(node.kind)!.filter((c) => params[c] !== null && params[c] !== undefined);
    await run(`CREATE (n:${node.kind} {${cols.map((c) => `${c}: $${c}`).join(', ')}})`, Object.fromEntries(cols.map((c) => [c, params[c]])));
  }
  // Another edit of the old release: a LEADS link a person added, with edit provenance and (then) no basis.
  const added = { type: 'LEADS', from: 'org:sacro', to: 'lbcja-2011:action:1.1.1-a', props: { role: 'added in a seminar' }, provenance: { source: 'edit', author: 'planner', at: EDITED_AT } };
  for (const [id, rel] of [...oldRels, [relationshipId(added.from, added.type, added.to), added] as const]) {
    const params = relationshipParams(rel as never, id);
    const cols = columns.get(rel.type)!.filter((c) => params[c] !== null && params[c] !== undefined);
    await run(
      `MATCH (a:${oldNodes.get(rel.from)!.kind} {id: $from}), (b:${oldNodes.get(rel.to)!.kind} {id: $to}) CREATE (a)-[:${rel.type} {${cols.map((c) => `${c}: $${c}`).join(', ')}}]->(b)`,
      { from: rel.from, to: rel.to, ...Object.fromEntries(cols.map((c) => [c, params[c]])) },
    );
  }
  await run('COMMIT');
  await conn.close();
  await db.close();
}

let store: LadybugStore;
const node = async (id: string) => ((await store.read('graph/nodes-by-id', { ids: [id] }))[0]?.n as NodeValue | undefined)?.properties;
const rel = async (from: string, type: string, to: string) =>
  (await store.read('graph/relationships-between', { from, to })).map((r) => r.r as RelationshipValue).find((r) => r.type === type)?.properties;

beforeAll(async () => {
  await buildOldDirectory();
  store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  await runMigrations(store);
}, 300_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a data directory of release 1eba71c, with its own seed, after migrations 10 and 11', () => {
  it('the fixture really is the old seed: no basis outside SERVES, 2.5.9 "on target", the CJA leading L&B 5.3.3-a', () => {
    expect([...oldRels.values()].filter((r) => r.type !== 'SERVES' && r.props.linkBasis !== undefined)).toEqual([]);
    expect(oldNodes.get('lcja-2008:progress:2.5.9')!.props.status).toBe('on target');
    expect(oldRels.has(relationshipId('org:lothian-and-borders-cja', 'LEADS', 'lbcja-2011:action:5.3.3-a'))).toBe(true);
  });

  it('holds every relationship of the current seed, with the seed’s basis, and the edit’s link besides', async () => {
    const rows = await store.read('graph/relationships-out', { ids: [...seedNodeIds] });
    const found = new Map(rows.map((r) => [String((r.r as RelationshipValue).properties.id), (r.r as RelationshipValue).properties]));
    for (const [id, r] of seedRels) expect([id, found.get(id)?.linkBasis]).toEqual([id, r.props.linkBasis]);
    expect((await countGraph(store)).relationships).toBe(seedRels.size + 1);
    for (const p of found.values()) expect(BASES).toContain(p.linkBasis);
  });

  it('drops the link the seed no longer has: the CJA does not lead L&B 5.3.3-a (line 908)', async () => {
    expect(await rel('org:lothian-and-borders-cja', 'LEADS', 'lbcja-2011:action:5.3.3-a')).toBeUndefined();
    expect(await rel('org:lothian-and-borders-cja', 'PARTNERS_IN', 'lbcja-2011:action:5.3.3-a')).toMatchObject({ linkBasis: 'printed heading' });
  });

  it('corrects unedited nodes: 2.5.9 complete (line 151), 2010 action 2 has no due date (line 11), milestone 3-1 done (line 18)', async () => {
    expect(await node('lcja-2008:progress:2.5.9')).toMatchObject({ status: 'complete', statusBasis: 'narrative' });
    expect(await node('lcja-2008:action:2.5.9')).toMatchObject({ status: 'complete', statusBasis: 'narrative' });
    expect((await node('lcja-2010:action:2'))!.dueDate ?? null).toBeNull();
    expect(await node('lcja-2010:milestone:3-1')).toMatchObject({ status: 'complete', dueDate: null });
    expect(await node('gcjsw-2013:action:1.1-2013')).toMatchObject({ dueDate: '2013-12-31', dueDateBasis: 'document structure' });
  });

  it('keeps the edits: 2.5.12 stays "ongoing" with the edit’s basis, the seminar’s link gets "added by an edit"', async () => {
    expect(await node('lcja-2008:action:2.5.12')).toMatchObject({ status: 'ongoing', statusBasis: 'added by an edit' });
    expect(await rel('org:sacro', 'LEADS', 'lbcja-2011:action:1.1.1-a')).toMatchObject({ role: 'added in a seminar', linkBasis: 'added by an edit', provSource: 'edit', provAuthor: 'planner' });
  });

  it('changes nothing when the migration runs again (it is idempotent)', async () => {
    const { seedUpgradeOperations } = await import('../../server/migrations/0011-seed-bases-and-corrections.js');
    const ops = await seedUpgradeOperations(store);
    // Only re-assertions of what is already there may remain: no unlink of a link that is not re-linked.
    const unlinks = ops.filter((o) => o.op === 'unlink').map((o) => o.op === 'unlink' && `${o.from}|${o.type}|${o.to}`);
    const links = new Set(ops.filter((o) => o.op === 'link').map((o) => o.op === 'link' && `${o.from}|${o.type}|${o.to}`));
    expect(unlinks.filter((u) => !links.has(u))).toEqual([]);
    expect(ops.filter((o) => o.op === 'update')).toEqual([]);
  });
});
