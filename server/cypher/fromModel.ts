import {
  NODE_KINDS,
  NODE_SYSTEM_COLUMNS,
  RELATIONSHIP_SCHEMAS,
  RELATIONSHIP_SYSTEM_COLUMNS,
  RELATIONSHIP_TYPES,
  nodePropertyColumns,
  relationshipPropertyColumns,
  type Column,
  type NodeKind,
  type RelationshipType,
} from '../../model/index.js';
import { SYSTEM_LABEL, SYSTEM_TABLE_NAMES, systemQueryName, systemTableColumns, type SystemTable } from '../../model/system.js';

/**
 * Derives the Cypher that depends on the shape of the model: both engines' schema,
 * and the per-kind and per-relationship write queries (labels and relationship types
 * cannot be query parameters, so there is one query per kind or endpoint pair).
 * `npm run gen:cypher` writes them into `cypher/`; a test fails when they are stale.
 */

const HEADER = '// Generated from the domain model by scripts/generate-cypher.ts. Do not edit: run npm run gen:cypher.\n';

/** The label Neo4j adds to every node so that an id lookup without a kind still uses one index. */
export const NEO4J_ANY_NODE_LABEL = 'GTNode';

/**
 * LadybugDB's pattern for "any domain node": the union of the domain node tables, so
 * that a scan of every node never reaches a system table (model/system.ts). Neo4j
 * queries use the GTNode label for the same purpose.
 */
export const DOMAIN_NODE_PATTERN = NODE_KINDS.join('|');

export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/_/g, '-').toLowerCase();
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function nodeColumns(kind: NodeKind): Column[] {
  return [...NODE_SYSTEM_COLUMNS, ...nodePropertyColumns(kind)];
}

export function relationshipColumns(type: RelationshipType): Column[] {
  return [...RELATIONSHIP_SYSTEM_COLUMNS, ...relationshipPropertyColumns(type)];
}

// ---------------------------------------------------------------- schema

export function ladybugSchema(): string {
  const nodeTables = NODE_KINDS.map((kind) => {
    const cols = nodeColumns(kind).map((c) => (c.name === 'id' ? 'id STRING PRIMARY KEY' : `${c.name} ${c.type}`));
    return `CREATE NODE TABLE IF NOT EXISTS ${kind}(${cols.join(', ')});`;
  });
  const relTables = RELATIONSHIP_TYPES.map((type) => {
    const ends = RELATIONSHIP_SCHEMAS[type].endpoints.map(([f, t]) => `FROM ${f} TO ${t}`);
    const cols = relationshipColumns(type).map((c) => `${c.name} ${c.type}`);
    return `CREATE REL TABLE IF NOT EXISTS ${type}(${[...ends, ...cols].join(', ')});`;
  });
  return HEADER + [...nodeTables, ...relTables].join('\n') + '\n';
}

export function neo4jSchema(): string {
  const statements = [
    `CREATE CONSTRAINT gtnode_id IF NOT EXISTS FOR (n:${NEO4J_ANY_NODE_LABEL}) REQUIRE n.id IS UNIQUE;`,
    ...NODE_KINDS.flatMap((kind) => {
      const required = nodePropertyColumns(kind).filter((c) => c.required && c.type !== 'STRING[]');
      return [
        `CREATE CONSTRAINT ${snake(kind)}_id IF NOT EXISTS FOR (n:${kind}) REQUIRE n.id IS UNIQUE;`,
        ...required.map(
          (c) => `CREATE INDEX ${snake(kind)}_${snake(c.name)} IF NOT EXISTS FOR (n:${kind}) ON (n.${c.name});`,
        ),
      ];
    }),
    ...RELATIONSHIP_TYPES.map(
      (type) => `CREATE INDEX ${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id);`,
    ),
  ];
  return HEADER + statements.join('\n') + '\n';
}

// ---------------------------------------------------------------- node queries

/**
 * Batch writes take `$rows`, a list of maps. LadybugDB infers the type of each map
 * field from the values it sees, so a field that is null in every row, or a DOUBLE
 * holding whole and fractional numbers, would be mistyped; its variant therefore
 * CASTs every column that is not a plain string, and its adapter sends DOUBLE values
 * as text for the CAST to read.
 */
function setFromRow(variable: string, cols: Column[], engine: 'ladybug' | 'neo4j'): string {
  return cols
    .filter((c) => c.name !== 'id')
    .map((c) =>
      engine === 'ladybug' && c.type !== 'STRING'
        ? `${variable}.${c.name} = CAST(row.${c.name} AS ${c.type})`
        : `${variable}.${c.name} = row.${c.name}`,
    )
    .join(',\n    ');
}

export function upsertNodes(kind: NodeKind, engine: 'ladybug' | 'neo4j'): string {
  const label = engine === 'neo4j' ? `${kind}:${NEO4J_ANY_NODE_LABEL}` : kind;
  return `${HEADER}// Creates or replaces ${kind} nodes, one per map in $rows: every column is set, so a property left out becomes null.
UNWIND $rows AS row
MERGE (n:${label} {id: row.id})
SET ${setFromRow('n', nodeColumns(kind), engine)}
RETURN count(n) AS written
`;
}

export function deleteNode(kind: NodeKind): string {
  return `${HEADER}MATCH (n:${kind} {id: $id})
DETACH DELETE n
`;
}

/** Finds a node by id whatever its kind. */
export function getNodeAnyKind(engine: 'ladybug' | 'neo4j'): string {
  if (engine === 'neo4j') {
    return `${HEADER}MATCH (n:${NEO4J_ANY_NODE_LABEL} {id: $id})
RETURN n
`;
  }
  // LadybugDB looks the primary key up in each domain node table; it cannot UNION nodes of different tables.
  return `${HEADER}MATCH (n:${DOMAIN_NODE_PATTERN} {id: $id})
RETURN n
`;
}

// ---------------------------------------------------------------- relationship queries

export function endpointQueryName(type: RelationshipType, from: NodeKind, to: NodeKind): string {
  return `${kebab(type)}-${kebab(from)}-to-${kebab(to)}`;
}

export function upsertRelationships(type: RelationshipType, from: NodeKind, to: NodeKind, engine: 'ladybug' | 'neo4j'): string {
  return `${HEADER}// Creates or replaces ${type} relationships from ${from} to ${to}, one per map in $rows.
UNWIND $rows AS row
MATCH (a:${from} {id: row.from})
MATCH (b:${to} {id: row.to})
MERGE (a)-[r:${type}]->(b)
SET r.id = row.id,
    ${setFromRow('r', relationshipColumns(type), engine)}
RETURN count(r) AS written
`;
}

export function deleteRelationship(type: RelationshipType, from: NodeKind, to: NodeKind): string {
  return `${HEADER}MATCH (a:${from} {id: $from})-[r:${type}]->(b:${to} {id: $to})
DELETE r
`;
}

// ---------------------------------------------------------------- system tables (model/system.ts)

export function ladybugSystemSchema(): string {
  const tables = SYSTEM_TABLE_NAMES.map((table) => {
    const cols = systemTableColumns(table).map((c) => (c.name === 'id' ? 'id STRING PRIMARY KEY' : `${c.name} ${c.type}`));
    return `CREATE NODE TABLE IF NOT EXISTS ${table}(${cols.join(', ')});`;
  });
  return HEADER + tables.join('\n') + '\n';
}

export function neo4jSystemSchema(): string {
  const statements = SYSTEM_TABLE_NAMES.map(
    (table) => `CREATE CONSTRAINT system_${snake(table)}_id IF NOT EXISTS FOR (n:${table}) REQUIRE n.id IS UNIQUE;`,
  );
  return HEADER + statements.join('\n') + '\n';
}

function systemLabel(table: SystemTable, engine: 'ladybug' | 'neo4j'): string {
  return engine === 'neo4j' ? `${table}:${SYSTEM_LABEL}` : table;
}

export function upsertSystemRows(table: SystemTable, engine: 'ladybug' | 'neo4j'): string {
  return `${HEADER}// Creates or replaces ${table} rows, one per map in $rows: every column is set, so a value left out becomes null.
UNWIND $rows AS row
MERGE (n:${systemLabel(table, engine)} {id: row.id})
SET ${setFromRow('n', systemTableColumns(table), engine)}
RETURN count(n) AS written
`;
}

export function getSystemRow(table: SystemTable): string {
  return `${HEADER}MATCH (n:${table} {id: $id})
RETURN n
`;
}

export function deleteSystemRow(table: SystemTable): string {
  return `${HEADER}MATCH (n:${table} {id: $id})
DELETE n
`;
}

export function allSystemRows(table: SystemTable): string {
  return `${HEADER}MATCH (n:${table})
RETURN n
ORDER BY n.id
`;
}

/** Every generated file: path under `cypher/` and its text. */
export function generatedCypherFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('schema/schema.ladybug.cypher', ladybugSchema());
  files.set('schema/schema.neo4j.cypher', neo4jSchema());
  files.set('nodes/get-node.ladybug.cypher', getNodeAnyKind('ladybug'));
  files.set('nodes/get-node.neo4j.cypher', getNodeAnyKind('neo4j'));
  files.set('schema/system.ladybug.cypher', ladybugSystemSchema());
  files.set('schema/system.neo4j.cypher', neo4jSystemSchema());
  for (const table of SYSTEM_TABLE_NAMES) {
    const path = (verb: 'upsert' | 'get' | 'delete' | 'all') => systemQueryName(verb, table);
    files.set(`${path('upsert')}.ladybug.cypher`, upsertSystemRows(table, 'ladybug'));
    files.set(`${path('upsert')}.neo4j.cypher`, upsertSystemRows(table, 'neo4j'));
    files.set(`${path('get')}.cypher`, getSystemRow(table));
    files.set(`${path('delete')}.cypher`, deleteSystemRow(table));
    files.set(`${path('all')}.cypher`, allSystemRows(table));
  }
  for (const kind of NODE_KINDS) {
    files.set(`nodes/upsert-${kebab(kind)}.ladybug.cypher`, upsertNodes(kind, 'ladybug'));
    files.set(`nodes/upsert-${kebab(kind)}.neo4j.cypher`, upsertNodes(kind, 'neo4j'));
    files.set(`nodes/delete-${kebab(kind)}.cypher`, deleteNode(kind));
  }
  for (const type of RELATIONSHIP_TYPES) {
    for (const [from, to] of RELATIONSHIP_SCHEMAS[type].endpoints) {
      const name = endpointQueryName(type, from, to);
      files.set(`relationships/upsert-${name}.ladybug.cypher`, upsertRelationships(type, from, to, 'ladybug'));
      files.set(`relationships/upsert-${name}.neo4j.cypher`, upsertRelationships(type, from, to, 'neo4j'));
      files.set(`relationships/delete-${name}.cypher`, deleteRelationship(type, from, to));
    }
  }
  return files;
}
