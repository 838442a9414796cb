import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
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

/**
 * Neo4j's linter with the model's labels, relationship types, property keys and
 * endpoints, and Neo4j's functions without APOC: the same checks the query-file
 * linter test applies, for text generated at run time (the load script).
 * Every diagnostic, of any severity, counts.
 */

const noApoc = <T extends object>(scoped: T): T =>
  Object.fromEntries(Object.entries(scoped).map(([v, entries]) => [v, Object.fromEntries(Object.entries(entries ?? {}).filter(([n]) => !n.toLowerCase().startsWith('apoc.')))])) as T;

const SCHEMA: DbSchema = {
  functions: noApoc(testData.mockSchema.functions ?? {}),
  procedures: noApoc(testData.mockSchema.procedures ?? {}),
  labels: [...NODE_KINDS, NEO4J_ANY_NODE_LABEL],
  relationshipTypes: [...RELATIONSHIP_TYPES],
  propertyKeys: [
    ...new Set([
      ...[...NODE_SYSTEM_COLUMNS, ...RELATIONSHIP_SYSTEM_COLUMNS, ...NODE_KINDS.flatMap((k) => nodePropertyColumns(k)), ...RELATIONSHIP_TYPES.flatMap((t) => relationshipPropertyColumns(t))].map((c) => c.name),
      'from',
      'to',
    ]),
  ],
  parameters: {},
  graphSchema: RELATIONSHIP_TYPES.flatMap((relType) =>
    RELATIONSHIP_SCHEMAS[relType].endpoints.flatMap(([from, to]) => [from, NEO4J_ANY_NODE_LABEL].flatMap((f) => [to, NEO4J_ANY_NODE_LABEL].map((t) => ({ from: f, to: t, relType })))),
  ),
  defaultLanguage: 'CYPHER 5',
};

export function lintNeo4j(text: string): string[] {
  return lintCypherQuery(text, SCHEMA).diagnostics.map((d) => `severity ${d.severity} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}
