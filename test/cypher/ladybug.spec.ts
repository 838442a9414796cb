import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countGraph } from '../../server/graph/graphReader.js';
import { generatedCypherFiles } from '../../server/cypher/fromModel.js';
import { CYPHER_DIR, QueryRegistry, statementsOf } from '../../server/cypher/registry.js';
import { QUERY_CATALOG } from '../../server/queries/catalog.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';

/**
 * Every query text that goes to LadybugDB is accepted by LadybugDB itself (prepared
 * against a database with the model's schema), every catalogued read query runs on
 * the seed data, and the files generated from the model are the ones on disk.
 */

const registry = QueryRegistry.load();
const SCHEMA = 'schema/schema';
/** The domain schema and the system tables beside it (model/system.ts), each a file of several statements. */
const SCHEMAS = [SCHEMA, 'schema/system'];
const QUERY_NAMES = registry.names().filter((name) => !SCHEMAS.includes(name));

// ---------------------------------------------------------------- every text prepares

describe('every query text LadybugDB runs is accepted by LadybugDB', () => {
  let db: lbug.Database;
  let conn: lbug.Connection;
  const schemaFailures: string[] = [];

  beforeAll(async () => {
    db = new lbug.Database(':memory:', 128 * 1024 * 1024);
    await db.init();
    conn = new lbug.Connection(db);
    for (const statement of SCHEMAS.flatMap((schema) => statementsOf(registry.text(schema, 'ladybug')))) {
      await conn.query(statement).catch((err: Error) => schemaFailures.push(`${statement}\n  ${err.message}`));
    }
  });

  afterAll(async () => {
    await conn?.close();
    await db?.close();
  });

  it('creates the schema: every statement of schema/schema and schema/system runs', () => {
    expect(statementsOf(registry.text(SCHEMA, 'ladybug')).length).toBeGreaterThan(0);
    expect(statementsOf(registry.text('schema/system', 'ladybug')).length).toBeGreaterThan(0);
    expect(schemaFailures).toEqual([]);
  });

  it('refuses a broken query (the check is live)', async () => {
    expect((await conn.prepare('MATCH (n) RETRUN n')).isSuccess()).toBe(false);
    expect((await conn.prepare('MATCH (n:Person) RETURN n')).isSuccess()).toBe(false);
    expect((await conn.prepare('MATCH (n:Plan) RETURN n.nope')).isSuccess()).toBe(false);
  });

  it.each(QUERY_NAMES)('%s', async (name) => {
    const prepared = await conn.prepare(registry.text(name, 'ladybug'));
    expect(prepared.isSuccess() ? '' : prepared.getErrorMessage()).toBe('');
  });

  it.each(QUERY_CATALOG.map((entry) => entry.name))('catalogued %s is read-only', async (name) => {
    const prepared = await conn.prepare(registry.text(name, 'ladybug'));
    expect(prepared.isSuccess()).toBe(true);
    expect(prepared.isReadOnly()).toBe(true);
  });

  it('tells a write from a read (the read-only check is live)', async () => {
    expect((await conn.prepare(registry.text('nodes/upsert-plan', 'ladybug'))).isReadOnly()).toBe(false);
    expect((await conn.prepare(registry.text('stats/count-nodes', 'ladybug'))).isReadOnly()).toBe(true);
  });
});

// ---------------------------------------------------------------- catalogued queries run on the seed

describe('every catalogued read query runs on the seed data', () => {
  const store = new LadybugStore({ dataDir: ':memory:', bufferPoolMb: 256 });

  beforeAll(async () => {
    await store.open();
    const reports = await loadSeed(store);
    expect(reports.filter((r) => !r.loaded)).toEqual([]);
    expect((await countGraph(store)).nodes).toBeGreaterThan(0);
  }, 180_000);

  afterAll(async () => {
    await store.close();
  });

  it('the catalogue is not empty, names only existing queries, and has no duplicates', () => {
    expect(QUERY_CATALOG.length).toBeGreaterThan(0);
    const names = QUERY_CATALOG.map((entry) => entry.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((name) => !registry.has(name))).toEqual([]);
  });

  it('lists every hand-written query (one with no entry is one no test runs)', () => {
    const generated = new Set([...generatedCypherFiles().keys()].map((path) => path.replace(/(\.(ladybug|neo4j))?\.cypher$/, '')));
    const catalogued = new Set(QUERY_CATALOG.map((entry) => entry.name));
    // test/ holds the contract suite's clean-up, a write no product code runs; migrations/ holds DDL the migration test runs.
    const uncatalogued = registry.names().filter((name) => !generated.has(name) && !name.startsWith('test/') && !name.startsWith('migrations/') && !catalogued.has(name));
    expect(uncatalogued).toEqual([]);
  });

  it.each(QUERY_CATALOG.map((entry) => [entry.name, entry] as const))('%s', async (name, entry) => {
    const params = entry.params.parse(entry.example) as Record<string, unknown>;
    const rows = await store.read(name, params);
    expect(Array.isArray(rows)).toBe(true);
    if (entry.expectsRows) expect(rows.length, `${name} returns rows on the seed`).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------- generated files

const GENERATED_MARKER = '// Generated from the domain model';

function cypherFilesOnDisk(dir = CYPHER_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? cypherFilesOnDisk(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

describe('the files generated from the model are up to date (npm run gen:cypher)', () => {
  const generated = generatedCypherFiles();

  it('generates the schema, node and relationship queries', () => {
    expect([...generated.keys()]).toEqual(expect.arrayContaining(['schema/schema.ladybug.cypher', 'schema/schema.neo4j.cypher', 'nodes/get-node.neo4j.cypher']));
    for (const text of generated.values()) expect(text.startsWith(GENERATED_MARKER)).toBe(true);
  });

  it.each([...generated.keys()])('%s is on disk as generated', (path) => {
    let onDisk: string;
    try {
      onDisk = readFileSync(join(CYPHER_DIR, path), 'utf8');
    } catch {
      throw new Error(`cypher/${path} is missing; run npm run gen:cypher`);
    }
    expect(onDisk, `cypher/${path} is stale; run npm run gen:cypher`).toBe(generated.get(path));
  });

  it('leaves no generated file on disk that the model no longer produces', () => {
    const stale = cypherFilesOnDisk()
      .map((path) => path.slice(CYPHER_DIR.length).replace(/\\/g, '/'))
      .filter((rel) => !generated.has(rel) && readFileSync(join(CYPHER_DIR, rel), 'utf8').startsWith(GENERATED_MARKER));
    expect(stale).toEqual([]);
  });
});
