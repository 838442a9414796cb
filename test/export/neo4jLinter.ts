import { lintAgainst, modelPropertyKeys, neo4jSchema } from '../helpers/neo4jLintSchema.js';

/**
 * Neo4j's linter with the model's labels, relationship types, property keys and
 * endpoints, and Neo4j's functions without APOC: the same checks the query-file
 * linter test applies, for text generated at run time (the load script).
 * Every diagnostic, of any severity, counts.
 */

const SCHEMA = neo4jSchema({ propertyKeys: modelPropertyKeys([], ['from', 'to']) });

export function lintNeo4j(text: string): string[] {
  return lintAgainst(text, SCHEMA);
}
