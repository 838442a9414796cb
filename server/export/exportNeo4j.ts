import { flattenProvenance, relationshipId } from '../../model/index.js';
import { kebab } from '../cypher/fromModel.js';
import { QueryRegistry, statementsOf } from '../cypher/registry.js';
import type { ExportGraph } from './readGraph.js';

/**
 * A Cypher script that loads the graph into a Neo4j server (cypher-shell -f
 * graph.cypher): the schema Golden Thread's Neo4j adapter creates, then the nodes
 * and relationships in batches, written by the very upsert queries the adapter
 * runs, with their `$rows` parameter replaced by the rows as literals. So the
 * server ends up as if Golden Thread had written it, and every statement is one the
 * linter test already accepts in shape. MERGE makes running it twice harmless.
 */

const BATCH = 200;

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')}}`;
  const escaped = String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return `'${escaped}'`;
}

function withRows(queryText: string, rows: Record<string, unknown>[]): string {
  const body = queryText
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .trim();
  return body.replace('UNWIND $rows AS row', `UNWIND [\n  ${rows.map(literal).join(',\n  ')}\n] AS row`);
}

/** The script's statements, each complete on its own (the test lints each one). */
export function neo4jStatements(graph: ExportGraph, batch = BATCH, registry = QueryRegistry.load()): string[] {
  const statements = statementsOf(registry.text('schema/schema', 'neo4j'))
    .map((s) => s.trim())
    .filter(Boolean);
  const groups = new Map<string, Record<string, unknown>[]>();
  const push = (query: string, row: Record<string, unknown>) => groups.set(query, [...(groups.get(query) ?? []), row]);
  for (const n of graph.nodes) {
    const row: Record<string, unknown> = { id: n.id, version: 1, ...flattenProvenance(n.provenance) };
    const text = registry.text(`nodes/upsert-${kebab(n.kind)}`, 'neo4j');
    for (const [, name] of text.matchAll(/row\.([A-Za-z0-9_]+)/g)) if (!(name! in row)) row[name!] = n.props[name!] ?? null;
    push(`nodes/upsert-${kebab(n.kind)}`, row);
  }
  for (const r of graph.relationships) {
    const query = `relationships/upsert-${kebab(r.type)}-${kebab(r.fromKind)}-to-${kebab(r.toKind)}`;
    const row: Record<string, unknown> = { id: relationshipId(r.from, r.type, r.to), from: r.from, to: r.to, ...flattenProvenance(r.provenance) };
    const text = registry.text(query, 'neo4j');
    for (const [, name] of text.matchAll(/row\.([A-Za-z0-9_]+)/g)) if (!(name! in row)) row[name!] = r.props[name!] ?? null;
    push(query, row);
  }
  // Nodes before relationships: the relationship statements MATCH their ends.
  const ordered = [...groups.keys()].sort((a, b) => Number(a.startsWith('relationships/')) - Number(b.startsWith('relationships/')) || (a < b ? -1 : 1));
  for (const query of ordered) {
    const rows = groups.get(query)!;
    for (let i = 0; i < rows.length; i += batch) statements.push(withRows(registry.text(query, 'neo4j'), rows.slice(i, i + batch)));
  }
  return statements;
}

export function exportNeo4jScript(graph: ExportGraph, exportedAt = new Date().toISOString()): string {
  const header = [
    `// Golden Thread graph, exported ${exportedAt}: ${graph.nodes.length} nodes, ${graph.relationships.length} relationships.`,
    '// Load into an empty Neo4j 5 database with: cypher-shell -u neo4j -p PASSWORD -f graph.cypher',
  ];
  return [...header, ...neo4jStatements(graph).map((s) => `${s};`), ''].join('\n');
}
