import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lbug from '@ladybugdb/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryRegistry, statementsOf } from '../../server/cypher/registry.js';
import { QUERY_CATALOG } from '../../server/queries/catalog.js';
import { GUARDED_FUNCTIONS, guardBeforeExplain } from '../../server/store/ladybug/bindGuard.js';
import { readExplainPlan } from '../../server/store/ladybug/explainPlan.js';
import { HARMLESS_TABLE_FUNCTIONS, INERT_WHEN_EXPLAINED, judgeLadybugPlan, READ_OPERATORS } from '../../server/store/ladybug/planPolicy.js';
import { toLadybugParams } from '../../server/store/ladybug/values.js';
import { judgeNeo4jPlan, type Neo4jPlan } from '../../server/store/neo4j/planPolicy.js';

/**
 * The pieces that decide whether an analyst's query runs: LadybugDB's EXPLAIN output as
 * read by explainPlan.ts (against the real engine), the allow-list judgement on it, the
 * guard before EXPLAIN, and the Neo4j plan check on plan trees shaped like the driver's.
 */

const registry = QueryRegistry.load();
let db: lbug.Database;
let conn: lbug.Connection;

beforeAll(async () => {
  db = new lbug.Database(':memory:', 128 * 1024 * 1024);
  await db.init();
  conn = new lbug.Connection(db);
  for (const schema of ['schema/schema', 'schema/system']) for (const statement of statementsOf(registry.text(schema, 'ladybug'))) await conn.query(statement);
});
afterAll(async () => {
  await conn?.close();
  await db?.close();
});

async function explain(cypher: string, params: Record<string, unknown> = {}): Promise<string> {
  const prepared = await conn.prepare(`EXPLAIN ${cypher}`);
  if (!prepared.isSuccess()) throw new Error(prepared.getErrorMessage());
  const result = await conn.execute(prepared, toLadybugParams(params));
  const r = Array.isArray(result) ? result[0]! : result;
  const rows = await r.getAll();
  r.close();
  return Object.values(rows[0]!)[0] as string;
}

async function operatorsOf(cypher: string): Promise<string[]> {
  const plan = readExplainPlan(await explain(cypher));
  if (!plan.ok) throw new Error(plan.reason);
  return plan.operators.map((o) => o.name);
}

describe('reading LadybugDB plans', () => {
  it('reads a straight plan, operators in id order', async () => {
    expect(await operatorsOf('MATCH (a:Action) RETURN a.title AS start')).toEqual(['SCAN_NODE_TABLE', 'PROJECTION', 'RESULT_COLLECTOR']);
  });

  it('reads boxes side by side (a join), each once', async () => {
    const ops = await operatorsOf('MATCH (a:Action)<-[:LEADS]-(o:Organisation) RETURN a.id, o.id LIMIT 5');
    expect(ops).toEqual(expect.arrayContaining(['HASH_JOIN_BUILD', 'HASH_JOIN_PROBE', 'SCAN_REL_TABLE', 'LIMIT']));
    expect(ops.filter((o) => o === 'SCAN_NODE_TABLE')).toHaveLength(2);
  });

  it('names the table function of each TABLE_FUNCTION_CALL first among its details', async () => {
    const plan = readExplainPlan(await explain('CALL show_tables() RETURN *'));
    expect(plan.ok && plan.operators.find((o) => o.name === 'TABLE_FUNCTION_CALL')?.details[0]).toBe('Function: SHOW_TABLES');
  });

  it('reads a plan whose boxes hold a multi-line expression as written (the engine breaks the printed line)', async () => {
    const text = await explain('MATCH (t:NationalOutcome)\nWHERE NOT(EXISTS {\n  MATCH (:Action)-[:SERVES*1..3]->(t)\n})\nRETURN t.id');
    expect(text.split('\n').some((l) => l.trim().startsWith('MATCH (:Action)'))).toBe(true);
    const plan = readExplainPlan(text);
    expect(plan.ok && judgeLadybugPlan(plan.operators)).toEqual({ allowed: true });
  });

  it('reads a plan holding characters of several bytes (the engine lays out columns in bytes)', async () => {
    const plan = readExplainPlan(await explain("MATCH (a:Action) WHERE a.title = 'Récidive – “x” 日本😀' RETURN a.id AS `réf`"));
    expect(plan.ok).toBe(true);
  });

  it('calls a plan unreadable when a query text puts box-drawing characters in a box', async () => {
    expect(readExplainPlan(await explain('RETURN 1 AS `x│y`')).ok).toBe(false);
    expect(readExplainPlan(await explain('RETURN 1 AS `x\n└──┘\n┌──┐ y`')).ok).toBe(false);
  });

  it.each([
    ['a box-drawing character inside a box', (t: string) => t.replace('PROJECTION[1]', 'PROJECTION│[1]')],
    ['a second box claiming an id', (t: string) => t.replace('PROJECTION[1]', 'PROJECTION[2]')],
    ['an operator id left out', (t: string) => t.replace('PROJECTION[1]', 'PROJECTION[7]')],
    ['a broken side', (t: string) => t.replace(/│(\s+PROJECTION)/, ' $1')],
    ['a missing bottom', (t: string) => t.slice(0, t.lastIndexOf('└'))],
    ['no title box', (t: string) => t.split('\n').slice(5).join('\n')],
    ['an operator line that is not a name and id', (t: string) => t.replace('PROJECTION[1]', 'PROJECTION 1  ')],
  ])('calls a tampered plan unreadable: %s', async (_name, tamper) => {
    const text = await explain('MATCH (a:Action) RETURN a.title AS t');
    expect(readExplainPlan(text).ok).toBe(true);
    expect(readExplainPlan(tamper(text)).ok).toBe(false);
  });
});

describe('judging LadybugDB plans', () => {
  const judge = async (cypher: string) => {
    const plan = readExplainPlan(await explain(cypher));
    if (!plan.ok) throw new Error(plan.reason);
    return judgeLadybugPlan(plan.operators);
  };

  it.each([
    'MATCH (a:Action) WHERE a.title CONTAINS $w RETURN a.id ORDER BY a.id SKIP 1 LIMIT 2',
    'MATCH p = (a:Action)-[*1..3]->(b) RETURN length(p) AS l',
    'MATCH (a:Action) OPTIONAL MATCH (a)<-[:LEADS]-(o) RETURN a.id, count(o) AS c',
    'MATCH (a:Action) RETURN a.id AS x UNION MATCH (o:Organisation) RETURN o.id AS x',
    'MATCH (a:Action) WHERE EXISTS { MATCH (a)-->() } RETURN DISTINCT a.status',
    'UNWIND [1, 2, 3] AS x RETURN collect(x) AS xs',
    "CALL table_info('Action') RETURN *",
  ])('allows the read %s', async (cypher) => {
    const plan = readExplainPlan(await explain(cypher, cypher.includes('$w') ? { w: 'x' } : {}));
    expect(plan.ok && judgeLadybugPlan(plan.operators)).toEqual({ allowed: true });
  });

  const graphReads = QUERY_CATALOG.filter((entry) => !entry.name.startsWith('system/'));
  const systemReads = QUERY_CATALOG.filter((entry) => entry.name.startsWith('system/'));

  it.each(graphReads.map((entry) => [entry.name, entry] as const))('allows the product read %s', async (name, entry) => {
    const params = entry.params.parse(entry.example) as Record<string, unknown>;
    const plan = readExplainPlan(await explain(registry.text(name, 'ladybug'), params));
    const verdict = plan.ok ? judgeLadybugPlan(plan.operators) : plan.reason;
    // A product query that scans every table (an unlabelled node) meets the system tables: the
    // console would ask for labels. Every other operator it uses must be on the allow-list.
    if (typeof verdict === 'object' && !verdict.allowed) expect(verdict.reason).toMatch(/^the plan reads Golden Thread's own records/);
    else expect(verdict).toEqual({ allowed: true });
  });

  // The product reads its audit log and accounts; an analyst's console must not.
  it.each(systemReads.map((entry) => [entry.name, entry] as const))("refuses the product's own-records read %s", async (name, entry) => {
    const params = entry.params.parse(entry.example) as Record<string, unknown>;
    const plan = readExplainPlan(await explain(registry.text(name, 'ladybug'), params));
    expect(plan.ok && judgeLadybugPlan(plan.operators)).toMatchObject({ allowed: false, reason: expect.stringContaining("Golden Thread's own records"), replaceWorker: false });
  });

  it.each([
    ['MATCH (u:User) RETURN u.passwordHash', 'User'],
    ['MATCH (s:Session) RETURN s.id', 'Session'],
    ['MATCH (n) RETURN n LIMIT 1', 'User'],
    ['MATCH (p:PendingChange) RETURN p.request', 'PendingChange'],
    ['MATCH (e:AuditEntry) RETURN count(e)', 'AuditEntry'],
  ])('refuses %s: it reads %s', async (cypher, table) => {
    expect(await judge(cypher)).toMatchObject({ allowed: false, reason: expect.stringContaining(table) });
  });

  it('still allows a graph query whose alias is named like a system table', async () => {
    expect(await judge('MATCH (User:Action) RETURN User.ref LIMIT 1')).toEqual({ allowed: true });
  });

  it.each([
    ["COPY (RETURN 1) TO '/tmp/never.csv'", 'COPY_TO', false],
    ['CALL threads=1', 'STANDALONE_CALL', false],
    ['CHECKPOINT', 'TRANSACTION', false],
    ["CREATE (:Organisation {id: 'x'})", 'INSERT', false],
    ["MATCH (a:Action) SET a.title = 'x'", 'SET_PROPERTY', false],
    ['DROP TABLE Action', 'DROP', false],
    ["CALL project_graph('G', ['Action'], [])", 'PROJECT_GRAPH', true],
    ["CALL current_setting('threads') RETURN *", 'CURRENT_SETTING', true],
  ])('refuses %s, naming %s', async (cypher, named, replaceWorker) => {
    const verdict = await judge(cypher);
    expect(verdict).toMatchObject({ allowed: false, reason: expect.stringContaining(named), replaceWorker });
  });

  it('is right that explaining the refused operators it keeps a worker for changes nothing', async () => {
    const setting = async (name: string) => {
      const result = await conn.query(`CALL current_setting('${name}') RETURN *`);
      const r = Array.isArray(result) ? result[0]! : result;
      const value = (await r.getAll())[0];
      r.close();
      return value;
    };
    for (const [name, value] of [
      ['threads', 1],
      ['timeout', 1],
      ['var_length_extend_max_depth', 100000],
      ['checkpoint_threshold', 1],
      ['spill_to_disk', 'false'],
    ] as const) {
      const before = await setting(name);
      await explain(`CALL ${name}=${value}`);
      expect(await setting(name), name).toEqual(before);
    }
    const dir = mkdtempSync(join(tmpdir(), 'gt-explain-'));
    await explain(`COPY (RETURN 1) TO '${join(dir, 'x.csv')}'`);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true });
    for (const statement of ['BEGIN TRANSACTION', 'USE x', 'DETACH x']) await explain(statement);
    // No transaction was begun by explaining BEGIN: beginning one now works.
    const begun = await conn.query('BEGIN TRANSACTION');
    (Array.isArray(begun) ? begun : [begun]).forEach((r) => r.close());
    const rolled = await conn.query('ROLLBACK');
    (Array.isArray(rolled) ? rolled : [rolled]).forEach((r) => r.close());
    const kept = ['CALL threads=1', 'CHECKPOINT', 'USE x', "COPY (RETURN 1) TO 'x.csv'"];
    for (const cypher of kept) {
      const plan = readExplainPlan(await explain(cypher));
      expect(plan.ok && plan.operators.every((o) => READ_OPERATORS.has(o.name) || INERT_WHEN_EXPLAINED.has(o.name)), cypher).toBe(true);
    }
  });

  it('refuses an operator it has never heard of', () => {
    expect(judgeLadybugPlan([{ name: 'SOMETHING_NEW', id: 0, details: [] }])).toMatchObject({ allowed: false, replaceWorker: true });
    expect(judgeLadybugPlan([{ name: 'TABLE_FUNCTION_CALL', id: 0, details: ['Expressions: x'] }])).toMatchObject({ allowed: false });
  });
});

describe('the guard before EXPLAIN', () => {
  it('lists every table function the engine has, except the harmless ones', async () => {
    const result = await conn.query("CALL show_functions() WHERE type IN ['TABLE FUNCTION', 'STANDALONE TABLE FUNCTION'] RETURN DISTINCT name");
    const r = Array.isArray(result) ? result[0]! : result;
    const names = (await r.getAll()).map((row) => String(row.name).toUpperCase());
    r.close();
    expect(names.length).toBeGreaterThan(10);
    const unaccounted = names.filter((n) => !HARMLESS_TABLE_FUNCTIONS.has(n) && !(GUARDED_FUNCTIONS as readonly string[]).includes(n));
    expect(unaccounted).toEqual([]);
  });

  it.each([
    ['LOAD FROM', "LOAD FROM 'x' RETURN *"],
    ['a number glued in front', 'RETURN 2E0LOAD'],
    ['lower case in a string', "RETURN 'please load it'"],
    ['in a comment', 'RETURN 1 // copy'],
    ['in backticks', 'CALL `Read_Csv_Serial`(1) RETURN *'],
    ['after a digit', 'RETURN 1export'],
    ['a NUL byte', "RETURN 'a\u0000b'"],
  ])('refuses %s', (_name, cypher) => {
    expect(guardBeforeExplain(cypher)).not.toBeNull();
  });

  it.each([
    'RETURN 1 AS start',
    "MATCH (a:Action) WHERE a.title CONTAINS 'Create' RETURN a",
    "RETURN 'workload' AS w",
    "RETURN 'important and exported' AS w",
    'RETURN 1 AS loader',
    "RETURN 'uploaded' AS x",
  ])('lets %s through (the plan decides)', (cypher) => {
    expect(guardBeforeExplain(cypher)).toBeNull();
  });
});

// ---------------------------------------------------------------- Neo4j

const op = (operatorType: string, children: Neo4jPlan[] = [], args: Record<string, unknown> = {}): Neo4jPlan => ({
  operatorType,
  arguments: { ...args },
  identifiers: ['n'],
  children,
});

describe('judging Neo4j plans (shaped like neo4j-driver summary.plan)', () => {
  it.each([
    ['a label scan', op('ProduceResults@neo4j', [op('Projection@neo4j', [op('NodeByLabelScan@neo4j')])])],
    ['an expand and a sort', op('ProduceResults@neo4j', [op('Top@neo4j', [op('Expand(All)@neo4j', [op('NodeIndexSeek@neo4j')])])])],
    ['a join', op('ProduceResults@neo4j', [op('NodeHashJoin@neo4j', [op('NodeByLabelScan@neo4j'), op('VarLengthExpand(Pruning)@neo4j', [op('Argument@neo4j')])])])],
    ['db.labels', op('ProduceResults@neo4j', [op('ProcedureCall@neo4j', [], { Signature: 'db.labels() :: (label :: STRING)' })])],
    ['every node of the graph (MATCH (n:GTNode))', op('ProduceResults@neo4j', [op('NodeByLabelScan@neo4j', [], { Details: 'n:GTNode' })])],
    ['a label that only begins like a system one', op('ProduceResults@neo4j', [op('NodeByLabelScan@neo4j', [], { Details: 'n:UserGroup' })])],
  ])('allows %s', (_name, plan) => {
    expect(judgeNeo4jPlan(plan)).toEqual({ allowed: true });
  });

  it.each([
    ['a create', op('ProduceResults@neo4j', [op('EmptyResult@neo4j', [op('Create@neo4j')])]), 'Create'],
    ['a write deep down', op('ProduceResults@neo4j', [op('Apply@neo4j', [op('Argument@neo4j'), op('SetProperty@neo4j', [op('AllNodesScan@neo4j')])])]), 'SetProperty'],
    ['LOAD CSV', op('ProduceResults@neo4j', [op('LoadCSV@neo4j')]), 'LoadCSV'],
    ['CALL IN TRANSACTIONS', op('ProduceResults@neo4j', [op('TransactionApply@neo4j')]), 'TransactionApply'],
    ['a merge', op('ProduceResults@neo4j', [op('Merge@neo4j')]), 'Merge'],
    ['an APOC procedure', op('ProduceResults@neo4j', [op('ProcedureCall@neo4j', [], { Signature: 'apoc.load.json(url :: STRING) :: (value :: MAP)' })]), 'apoc.load.json'],
    ['a procedure with no signature', op('ProduceResults@neo4j', [op('ProcedureCall@neo4j')]), 'cannot name'],
    ['an operator never heard of', op('ProduceResults@neo4j', [op('Teleport@neo4j')]), 'Teleport'],
    // Golden Thread's own records: accounts, sessions, the audit log (MATCH (u:User) ...).
    ['a scan of the accounts', op('ProduceResults@neo4j', [op('Projection@neo4j', [op('NodeByLabelScan@neo4j', [], { Details: 'u:User' })])]), 'User'],
    ['a seek into the sessions', op('ProduceResults@neo4j', [op('NodeUniqueIndexSeek@neo4j', [], { Details: 'UNIQUE s:`Session`(id) WHERE id = $x' })]), 'Session'],
    ['every node, system records included (MATCH (n))', op('ProduceResults@neo4j', [op('AllNodesScan@neo4j', [], { Details: 'n' })]), 'scans every node'],
    ['the system label itself', op('ProduceResults@neo4j', [op('NodeByLabelScan@neo4j', [], { Details: 'n:GTSystem' })]), 'GTSystem'],
  ])('refuses %s', (_name, plan, named) => {
    expect(judgeNeo4jPlan(plan)).toMatchObject({ allowed: false, reason: expect.stringContaining(named) });
  });

  it('refuses a missing or malformed plan', () => {
    expect(judgeNeo4jPlan(false)).toMatchObject({ allowed: false });
    expect(judgeNeo4jPlan({ operatorType: 'ProduceResults@neo4j', arguments: {}, children: 'x' } as unknown as Neo4jPlan)).toMatchObject({ allowed: false });
  });
});
