import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse as parseGraphml } from 'graphology-graphml';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../model/roles.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { csvCell, exportCsv } from '../../server/export/exportCsv.js';
import { exportFiles } from '../../server/export/exportGraph.js';
import { exportGraphml } from '../../server/export/exportGraphml.js';
import { neo4jStatements } from '../../server/export/exportNeo4j.js';
import { readExportGraph, type ExportGraph } from '../../server/export/readGraph.js';
import { runJsonImport } from '../../server/imports/runImport.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { validateGraphml } from './graphmlSchema.js';
import { lintNeo4j } from './neo4jLinter.js';

/**
 * Exports of the seeded graph: JSON that round-trips through an empty store, CSV
 * that a spreadsheet cannot be tricked by, GraphML that validates and re-reads with
 * the same counts, and a Neo4j load script whose every statement passes the linter.
 */

const ADMIN: Actor = { id: 'user:admin', name: 'Admin', role: 'administrator' };

async function openStore(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
  await store.open();
  return { dir, store };
}

describe('exporting the seeded graph', () => {
  let seeded: { dir: string; store: LadybugStore };
  let graph: ExportGraph;

  beforeAll(async () => {
    seeded = await openStore('gt-export-');
    expect((await loadSeed(seeded.store)).every((r) => r.loaded)).toBe(true);
    graph = await readExportGraph(seeded.store);
  }, 180_000);
  afterAll(async () => {
    await seeded?.store.close();
    rmSync(seeded.dir, { recursive: true, force: true });
  });

  it('reads every domain node and relationship and nothing of the system tables', async () => {
    const counts = await countGraph(seeded.store);
    expect(graph.nodes.length).toBe(counts.nodes);
    expect(graph.relationships.length).toBe(counts.relationships);
    expect(graph.nodes.some((n) => !/^[A-Z]/.test(n.kind) || n.kind.startsWith('Audit'))).toBe(false);
  });

  it('JSON: export, import into an empty store, export again gives the same bytes apart from the time', async () => {
    const at = '2026-01-01T00:00:00.000Z';
    const first = [...(await exportFiles(seeded.store, 'json', at)).values()][0]!;
    const empty = await openStore('gt-roundtrip-');
    try {
      const result = await runJsonImport(empty.store, Buffer.from(first), 'golden-thread.json', ADMIN, { dryRun: false });
      expect(result.committed).toBe(true);
      const second = [...(await exportFiles(empty.store, 'json', at)).values()][0]!;
      expect(second.length).toBe(first.length);
      expect(second).toBe(first);
      // Without the fixed time, only exportedAt differs.
      const later = [...(await exportFiles(empty.store, 'json')).values()][0]!;
      expect(later.replace(/"exportedAt": "[^"]+"/, '')).toBe(first.replace(/"exportedAt": "[^"]+"/, ''));
      // And loading it again changes nothing.
      expect((await runJsonImport(empty.store, Buffer.from(first), 'golden-thread.json', ADMIN, { dryRun: false })).committed).toBe(false);
    } finally {
      await empty.store.close();
      rmSync(empty.dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('CSV: one file per kind and type, with their rows', () => {
    const files = exportCsv(graph);
    const rows = (name: string) => files.get(name)!.split('\r\n').filter(Boolean).length - 1;
    expect(rows('nodes/Action.csv')).toBe(graph.nodes.filter((n) => n.kind === 'Action').length);
    expect(rows('relationships/SERVES.csv')).toBeGreaterThanOrEqual(graph.relationships.filter((r) => r.type === 'SERVES').length);
    expect(files.get('nodes/NationalOutcome.csv')!.split('\r\n')[0]).toBe('id,number,wording,provSource,provFile,provLineFrom,provLineTo,provQuote,provAuthor,provAt,provNote');
  });

  it.each([
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+44 1234', "'+44 1234"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['1-3', '1-3'],
    ['plain, with comma', '"plain, with comma"'],
  ])('CSV: %j is written as %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('GraphML: valid against the GraphML schema, and a GraphML reader finds the same counts', async () => {
    const text = exportGraphml(graph);
    expect(await validateGraphml(text)).toEqual([]);
    const reread = parseGraphml(Graph as never, new DOMParser().parseFromString(text, 'application/xml'));
    expect(reread.order).toBe(graph.nodes.length);
    expect(reread.size).toBe(graph.relationships.length);
    const action = graph.nodes.find((n) => n.kind === 'Action')!;
    expect(reread.getNodeAttribute(action.id, 'title')).toBe(action.props.title);
  });

  it('GraphML: a document that breaks the schema is reported', async () => {
    const broken = exportGraphml(graph).replace('<graph id="golden-thread" edgedefault="directed">', '<graph id="golden-thread" edgedefault="sideways">');
    expect((await validateGraphml(broken)).join('\n')).toMatch(/edgedefault/);
  });

  it('Neo4j: the linter used here does report a broken statement', () => {
    expect(lintNeo4j("UNWIND [{id: 'a'}] AS row MATCH (n:Person {id: row.id}) RETURN n").join('\n')).toMatch(/Person/);
    expect(lintNeo4j("UNWIND [{id: 'it's'}] AS row MATCH (n:Action {id: row.id}) RETURN n").length).toBeGreaterThan(0);
  });

  it('Neo4j: every kind of statement of the load script passes the linter, and every node and relationship is in the script', () => {
    // Linting the whole script takes minutes (the linter is slow on long literals), so the statements
    // are linted on a sample: every node kind and every relationship type (the upsert texts around the
    // rows are the adapter's own, which the query-file linter test checks for every pair of ends), with
    // the trickiest text the export must escape; the full script is then checked to carry every item.
    const byQuery = new Map<string, ExportGraph['nodes'][number]>();
    for (const n of graph.nodes) if (!byQuery.has(n.kind)) byQuery.set(n.kind, n);
    const tricky = { ...graph.nodes.find((n) => n.kind === 'Action')!, id: 'test:action:tricky' };
    tricky.props = { ...tricky.props, title: 'it\'s a \\ back\nslash "quote" – £ 🙂', leadVague: true };
    const relEnds = new Map<string, ExportGraph['relationships'][number]>();
    for (const r of graph.relationships) if (!relEnds.has(r.type)) relEnds.set(r.type, r);
    const sample: ExportGraph = { nodes: [...byQuery.values(), tricky], relationships: [...relEnds.values()] };
    const statements = neo4jStatements(sample, 2);
    expect(statements.length).toBeGreaterThan(byQuery.size + relEnds.size);
    for (const s of statements) expect(lintNeo4j(s), s.slice(0, 300)).toEqual([]);

    const full = neo4jStatements(graph);
    const rows = full.filter((s) => s.startsWith('UNWIND')).reduce((sum, s) => sum + s.split('\n').filter((l) => l.startsWith('  {')).length, 0);
    expect(rows).toBe(graph.nodes.length + graph.relationships.length);
  }, 600_000);
});
