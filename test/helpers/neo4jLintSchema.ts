import { lintCypherQuery, testData, type DbSchema, type SyntaxDiagnostic } from '@neo4j-cypher/language-support';
import { NODE_KINDS, NODE_SYSTEM_COLUMNS, RELATIONSHIP_SCHEMAS, RELATIONSHIP_SYSTEM_COLUMNS, RELATIONSHIP_TYPES, nodePropertyColumns, relationshipPropertyColumns } from '../../model/index.js';
import { NEO4J_ANY_NODE_LABEL } from '../../server/cypher/fromModel.js';

/**
 * The schema Neo4j's linter checks query texts against, built from the model: its labels,
 * relationship types, property keys and endpoints, and Neo4j's own functions and procedures
 * without APOC. The query-file lint spec and the load-script linter both start from it,
 * each adding what its texts may also name (system tables, batch row keys, parameters).
 */

type Registry = NonNullable<DbSchema['functions']>;

/** Neo4j's own functions or procedures: the package's catalogue without any APOC entry. */
function withoutApoc<T extends Registry | NonNullable<DbSchema['procedures']>>(scoped: T): T {
  return Object.fromEntries(
    Object.entries(scoped).map(([version, entries]) => [version, Object.fromEntries(Object.entries(entries ?? {}).filter(([name]) => !name.toLowerCase().startsWith('apoc.')))]),
  ) as T;
}

/** Neo4j's functions and procedures, APOC left out. */
export const FUNCTIONS = withoutApoc(testData.mockSchema.functions ?? {});
export const PROCEDURES = withoutApoc(testData.mockSchema.procedures ?? {});

/** The model's own column names, on nodes and relationships alike, with `extra` columns and `extraKeys` besides; each once. */
export function modelPropertyKeys(extra: { name: string }[] = [], extraKeys: string[] = []): string[] {
  return [
    ...new Set([
      ...[
        ...NODE_SYSTEM_COLUMNS,
        ...RELATIONSHIP_SYSTEM_COLUMNS,
        ...NODE_KINDS.flatMap((k) => nodePropertyColumns(k)),
        ...RELATIONSHIP_TYPES.flatMap((t) => relationshipPropertyColumns(t)),
        ...extra,
      ].map((c) => c.name),
      ...extraKeys,
    ]),
  ];
}

/** Which kinds each relationship type joins; every node also carries GTNode, so either end may be named by it. */
const GRAPH_SCHEMA = RELATIONSHIP_TYPES.flatMap((relType) =>
  RELATIONSHIP_SCHEMAS[relType].endpoints.flatMap(([from, to]) => [from, NEO4J_ANY_NODE_LABEL].flatMap((f) => [to, NEO4J_ANY_NODE_LABEL].map((t) => ({ from: f, to: t, relType })))),
);

/** The linter's schema: the model's labels (and `extraLabels`), types and endpoints, the given property keys and parameters. */
export function neo4jSchema(options: { propertyKeys: string[]; extraLabels?: string[]; parameters?: string[]; version?: 'CYPHER 5' | 'CYPHER 25' }): DbSchema {
  return {
    functions: FUNCTIONS,
    procedures: PROCEDURES,
    labels: [...NODE_KINDS, NEO4J_ANY_NODE_LABEL, ...(options.extraLabels ?? [])],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: options.propertyKeys,
    parameters: Object.fromEntries((options.parameters ?? []).map((p) => [p, null])),
    graphSchema: GRAPH_SCHEMA,
    defaultLanguage: options.version ?? 'CYPHER 5',
  };
}

/** Every diagnostic, of any severity, as one line with its position. */
export function lintAgainst(text: string, schema: DbSchema): string[] {
  const show = (d: SyntaxDiagnostic) => `severity ${d.severity} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`;
  return lintCypherQuery(text, schema).diagnostics.map(show);
}
