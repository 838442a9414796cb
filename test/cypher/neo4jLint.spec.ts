import {
  lintCypherQuery,
  parseParameters,
  testData,
  type DbSchema,
  type SyntaxDiagnostic,
} from '@neo4j-cypher/language-support';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  NODE_KINDS,
  NODE_SYSTEM_COLUMNS,
  RELATIONSHIP_SCHEMAS,
  RELATIONSHIP_SYSTEM_COLUMNS,
  RELATIONSHIP_TYPES,
  nodePropertyColumns,
  relationshipPropertyColumns,
} from '../../model/index.js';
import { NEO4J_ANY_NODE_LABEL } from '../../server/cypher/fromModel.js';
import { SYSTEM_LABEL, SYSTEM_TABLE_NAMES, systemTableColumns } from '../../model/system.js';
import { QueryRegistry, statementsOf } from '../../server/cypher/registry.js';
import { relationshipParams } from '../../server/graph/records.js';
import { QUERY_CATALOG } from '../../server/queries/catalog.js';
import { SAMPLE_PROVENANCE } from '../fixtures/sampleNodes.js';

/**
 * Every query text that goes to Neo4j passes Neo4j's own linter (the semantic
 * analysis of the Cypher compiler, compiled to JavaScript) with no diagnostic of any
 * severity, against a schema that knows Neo4j's functions and procedures but not
 * APOC, and only the labels, relationship types and property keys of the model.
 */

const CYPHER_VERSIONS = ['CYPHER 5', 'CYPHER 25'] as const;

// ---------------------------------------------------------------- the schema the linter checks against

type Registry = NonNullable<DbSchema['functions']>;

/** Neo4j's own functions or procedures: the package's catalogue without any APOC entry. */
function withoutApoc<T extends Registry | NonNullable<DbSchema['procedures']>>(scoped: T): T {
  return Object.fromEntries(
    Object.entries(scoped).map(([version, entries]) => [
      version,
      Object.fromEntries(Object.entries(entries ?? {}).filter(([name]) => !name.toLowerCase().startsWith('apoc.'))),
    ]),
  ) as T;
}

const FUNCTIONS = withoutApoc(testData.mockSchema.functions ?? {});
const PROCEDURES = withoutApoc(testData.mockSchema.procedures ?? {});

/**
 * Batch writes read `row.from` and `row.to` from the maps in `$rows`; the linter cannot
 * tell a map key from a property key, so the keys the writer puts in those maps count too.
 */
const BATCH_ROW_KEYS = RELATIONSHIP_TYPES.flatMap((type) =>
  Object.keys(relationshipParams({ type, from: 'a', to: 'b', props: {}, provenance: SAMPLE_PROVENANCE }, `a|${type}|b`)),
);

const PROPERTY_KEYS = [
  ...new Set([
    ...[
      ...NODE_SYSTEM_COLUMNS,
      ...RELATIONSHIP_SYSTEM_COLUMNS,
      ...NODE_KINDS.flatMap((k) => nodePropertyColumns(k)),
      ...RELATIONSHIP_TYPES.flatMap((t) => relationshipPropertyColumns(t)),
      ...SYSTEM_TABLE_NAMES.flatMap((t) => systemTableColumns(t)),
    ].map((c) => c.name),
    ...BATCH_ROW_KEYS,
  ]),
];

/** Which kinds each relationship type joins; every node also carries GTNode, so either end may be named by it. */
const GRAPH_SCHEMA = RELATIONSHIP_TYPES.flatMap((relType) =>
  RELATIONSHIP_SCHEMAS[relType].endpoints.flatMap(([from, to]) =>
    [from, NEO4J_ANY_NODE_LABEL].flatMap((f) => [to, NEO4J_ANY_NODE_LABEL].map((t) => ({ from: f, to: t, relType }))),
  ),
);

function schemaFor(version: (typeof CYPHER_VERSIONS)[number], parameters: string[]): DbSchema {
  return {
    functions: FUNCTIONS,
    procedures: PROCEDURES,
    labels: [...NODE_KINDS, NEO4J_ANY_NODE_LABEL, ...SYSTEM_TABLE_NAMES, SYSTEM_LABEL],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: PROPERTY_KEYS,
    parameters: Object.fromEntries(parameters.map((p) => [p, null])),
    graphSchema: GRAPH_SCHEMA,
    defaultLanguage: version,
  };
}

function lint(text: string, version: (typeof CYPHER_VERSIONS)[number] = 'CYPHER 5', parameters = parseParameters(text, false)): string[] {
  const show = (d: SyntaxDiagnostic) => `severity ${d.severity} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`;
  return lintCypherQuery(text, schemaFor(version, parameters)).diagnostics.map(show);
}

// ---------------------------------------------------------------- the texts Neo4j runs

const registry = QueryRegistry.load();

/** [label, text]: one per named query Neo4j has a text for, one per statement of the schema files. */
const NEO4J_TEXTS: [string, string][] = registry.names().flatMap((name): [string, string][] => {
  // LadybugDB-only texts (a migration's ALTER TABLE, which schemaless Neo4j does not need) have no Neo4j text to lint.
  if (!registry.variantsOf(name).some((v) => v === 'neo4j' || v === 'shared')) return [];
  const text = registry.text(name, 'neo4j');
  if (name.startsWith('schema/')) return statementsOf(text).map((s, i): [string, string] => [`${name} statement ${i + 1}`, s]);
  return [[name, text]];
});

// ---------------------------------------------------------------- tests

describe('the linter is live', () => {
  it('has Neo4j’s functions and procedures but no APOC', () => {
    for (const version of CYPHER_VERSIONS) {
      const functions = Object.keys(FUNCTIONS[version] ?? {});
      const procedures = Object.keys(PROCEDURES[version] ?? {});
      expect(functions).toEqual(expect.arrayContaining(['count', 'labels', 'type', 'coalesce', 'toLower']));
      expect(procedures).toEqual(expect.arrayContaining(['db.labels']));
      expect([...functions, ...procedures].filter((n) => n.toLowerCase().startsWith('apoc'))).toEqual([]);
      // The package's catalogue did hold APOC: the filter above is what removes it.
      expect(Object.keys(testData.mockSchema.functions?.[version] ?? {}).some((n) => n.startsWith('apoc.'))).toBe(true);
    }
  });

  it('passes a correct query', () => {
    expect(lint('MATCH (a:Action {id: $id})-[:SERVES]->(o:NationalOutcome)\nRETURN a.title AS title, o.number AS number')).toEqual([]);
  });

  it.each([
    ['a misspelt keyword', 'MATCH (n) RETRUN n', /RETRUN/],
    ['a LadybugDB-only function', 'MATCH (n) RETURN label(n) AS kind', /Function label is not present/],
    ['an APOC function', "RETURN apoc.text.join(['a', 'b'], ',') AS joined", /apoc\.text\.join/],
    ['an APOC procedure', "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})", /apoc\.periodic\.iterate/],
    ['a label the model does not have', 'MATCH (n:Person) RETURN n', /Label Person/],
    ['a relationship type the model does not have', 'MATCH ()-[r:KNOWS]->() RETURN r', /KNOWS/],
    ['a property key the model does not have', 'MATCH (n:Action) RETURN n.deadline AS deadline', /deadline/],
    ['ends a relationship type never joins', 'MATCH (p:Plan)-[:LEADS]->(o:Organisation) RETURN p', /LEADS/],
    ['a disconnected pattern (cartesian product)', 'MATCH (a:Plan {id: $a}), (b:Action {id: $b}) RETURN a, b', /cartesian product/],
  ])('reports %s', (_what, text, message) => {
    const diagnostics = lint(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.join('\n')).toMatch(message);
  });

  it('reports a parameter the schema does not declare', () => {
    expect(lint('MATCH (n:Plan {id: $id}) RETURN n', 'CYPHER 5', []).join('\n')).toMatch(/Parameter \$id is not defined/);
  });
});

describe.each(CYPHER_VERSIONS)('every query text Neo4j runs passes the linter under %s', (version) => {
  it('finds the queries (schema statements, node and relationship writes, reads)', () => {
    const labels = NEO4J_TEXTS.map(([label]) => label);
    expect(labels.filter((l) => l.startsWith('schema/schema statement')).length).toBeGreaterThan(NODE_KINDS.length);
    expect(labels).toEqual(expect.arrayContaining(['nodes/get-node', 'stats/count-nodes', 'graph/relationships-between']));
  });

  it.each(NEO4J_TEXTS)('%s', (_label, text) => {
    expect(lint(text, version)).toEqual([]);
  });
});

// ---------------------------------------------------------------- catalogued parameters

/** The parameter names a zod schema accepts (its input object's keys). */
function declaredParameters(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

/** `$name`s as LadybugStore finds them (it passes only those), comment lines left out. */
function ladybugParameters(text: string): string[] {
  const code = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))];
}

describe('every catalogued query declares the parameters it uses', () => {
  it('the catalogue is not empty and names only queries that exist', () => {
    expect(QUERY_CATALOG.length).toBeGreaterThan(0);
    for (const entry of QUERY_CATALOG) expect(registry.has(entry.name), entry.name).toBe(true);
  });

  it.each(QUERY_CATALOG.map((entry) => [entry.name, entry] as const))('%s', (name, entry) => {
    const declared = new Set(declaredParameters(entry.params));
    const used = new Set([...parseParameters(registry.text(name, 'neo4j'), false), ...ladybugParameters(registry.text(name, 'ladybug'))]);
    expect([...used].filter((p) => !declared.has(p)), `parameters ${name} uses without declaring them`).toEqual([]);
  });
});
