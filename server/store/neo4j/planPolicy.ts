import { SYSTEM_LABEL, SYSTEM_TABLE_NAMES } from '../../../model/system.js';
/**
 * What an analyst's query may do on Neo4j, decided from the plan Neo4j itself returns
 * for `EXPLAIN <query>` (the driver's `summary.plan`): every operator must be a read
 * operator on the list below, and every procedure call one of the read-only
 * introspection procedures. Writes, LOAD CSV, CALL { } IN TRANSACTIONS, schema and
 * administration commands, and any operator this list has never heard of are refused.
 */

/** The shape of `ResultSummary.plan` in neo4j-driver (only what the check reads). */
export type Neo4jPlan = {
  operatorType: string;
  arguments: Record<string, unknown>;
  identifiers?: string[];
  children: Neo4jPlan[];
};

/** Operator names without the `@neo4j` suffix and without a `(All)` / `(Into)` variant. */
export const NEO4J_READ_OPERATORS: ReadonlySet<string> = new Set([
  'ProduceResults',
  'EmptyResult',
  'Argument',
  'ArgumentTracker',
  'AllNodesScan',
  'NodeByLabelScan',
  'UnionNodeByLabelsScan',
  'IntersectionNodeByLabelsScan',
  'SubtractionNodeByLabelsScan',
  'PartitionedAllNodesScan',
  'PartitionedNodeByLabelScan',
  'NodeByIdSeek',
  'NodeByElementIdSeek',
  'NodeIndexSeek',
  'NodeUniqueIndexSeek',
  'NodeIndexSeekByRange',
  'NodeUniqueIndexSeekByRange',
  'NodeIndexScan',
  'NodeIndexContainsScan',
  'NodeIndexEndsWithScan',
  'MultiNodeIndexSeek',
  'AssertingMultiNodeIndexSeek',
  'DirectedRelationshipTypeScan',
  'UndirectedRelationshipTypeScan',
  'DirectedAllRelationshipsScan',
  'UndirectedAllRelationshipsScan',
  'DirectedRelationshipByIdSeek',
  'UndirectedRelationshipByIdSeek',
  'DirectedRelationshipByElementIdSeek',
  'UndirectedRelationshipByElementIdSeek',
  'DirectedRelationshipIndexSeek',
  'UndirectedRelationshipIndexSeek',
  'DirectedRelationshipIndexScan',
  'UndirectedRelationshipIndexScan',
  'DirectedRelationshipIndexSeekByRange',
  'UndirectedRelationshipIndexSeekByRange',
  'DirectedRelationshipIndexContainsScan',
  'UndirectedRelationshipIndexContainsScan',
  'DirectedRelationshipIndexEndsWithScan',
  'UndirectedRelationshipIndexEndsWithScan',
  'NodeCountFromCountStore',
  'RelationshipCountFromCountStore',
  'Expand',
  'OptionalExpand',
  'VarLengthExpand',
  'ShortestPath',
  'StatefulShortestPath',
  'Trail',
  'Repeat',
  'BidirectionalRepeat',
  'ProjectEndpoints',
  'TriadicSelection',
  'TriadicBuild',
  'TriadicFilter',
  'Filter',
  'Projection',
  'CacheProperties',
  'Unwind',
  'Limit',
  'ExhaustiveLimit',
  'Skip',
  'Distinct',
  'OrderedDistinct',
  'EagerAggregation',
  'OrderedAggregation',
  'Sort',
  'PartialSort',
  'Top',
  'PartialTop',
  'Eager',
  'Apply',
  'SemiApply',
  'AntiSemiApply',
  'LetSemiApply',
  'LetAntiSemiApply',
  'SelectOrSemiApply',
  'SelectOrAntiSemiApply',
  'LetSelectOrSemiApply',
  'LetSelectOrAntiSemiApply',
  'ConditionalApply',
  'AntiConditionalApply',
  'RollUpApply',
  'Optional',
  'Anti',
  'CartesianProduct',
  'NodeHashJoin',
  'NodeLeftOuterHashJoin',
  'NodeRightOuterHashJoin',
  'ValueHashJoin',
  'Union',
  'OrderedUnion',
  'NullifyMetadata',
  'ProcedureCall',
]);

/** Read-only introspection procedures analysts may call. */
export const NEO4J_READ_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshipTypes',
  'db.propertyKeys',
  'db.schema.visualization',
  'db.schema.nodeTypeProperties',
  'db.schema.relTypeProperties',
]);

export type Neo4jVerdict = { allowed: true } | { allowed: false; reason: string };

/** The operator's base name: `Expand(All)@neo4j` is `Expand`. */
export function operatorName(operatorType: string): string {
  return operatorType.replace(/@[A-Za-z0-9_-]+$/, '').replace(/\(.*\)$/, '');
}

/** The procedure a ProcedureCall operator runs, from its signature `db.labels() :: (label :: STRING)`. */
function procedureOf(plan: Neo4jPlan): string | undefined {
  const signature = plan.arguments.Signature ?? plan.arguments.signature;
  if (typeof signature !== 'string') return undefined;
  return /^\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(/.exec(signature)?.[1];
}

/**
 * Golden Thread's own records (accounts, sessions, the audit log, changes awaiting
 * approval) are nodes labelled GTSystem beside the graph. The console shows the graph,
 * never these: a scan of every node (which would meet them) or any operator that names
 * one of their labels is refused; every domain node also carries GTNode, so
 * `MATCH (n:GTNode)` is the way to ask for all of the graph.
 */
const SYSTEM_LABELS = [SYSTEM_LABEL, ...SYSTEM_TABLE_NAMES];
const NAMES_SYSTEM_LABEL = new RegExp(`:\\s*\`?(${SYSTEM_LABELS.join('|')})\`?(?![A-Za-z0-9_])`);
const ALL_NODES = new Set(['AllNodesScan', 'PartitionedAllNodesScan']);

function systemRefusal(name: string, plan: Neo4jPlan): string | null {
  if (ALL_NODES.has(name)) return "the plan scans every node, Golden Thread's own records included; name a label, e.g. MATCH (n:GTNode) for every node of the graph";
  const named = NAMES_SYSTEM_LABEL.exec(JSON.stringify(plan.arguments ?? {}));
  return named ? `the plan reads Golden Thread's own records (${named[1]}), which the console does not show` : null;
}

export function judgeNeo4jPlan(root: Neo4jPlan | false | null | undefined): Neo4jVerdict {
  if (!root || typeof root !== 'object') return { allowed: false, reason: 'Neo4j returned no plan for the query, so it does not run' };
  const stack: Neo4jPlan[] = [root];
  let seen = 0;
  while (stack.length > 0) {
    const plan = stack.pop()!;
    if (++seen > 10_000) return { allowed: false, reason: 'the plan is too large to check' };
    if (typeof plan.operatorType !== 'string' || !Array.isArray(plan.children)) return { allowed: false, reason: 'the plan could not be read' };
    const name = operatorName(plan.operatorType);
    if (!NEO4J_READ_OPERATORS.has(name)) return { allowed: false, reason: `the plan uses ${name}, which is not a read operator: /api/query runs read-only queries over the graph` };
    const system = systemRefusal(name, plan);
    if (system) return { allowed: false, reason: system };
    if (name === 'ProcedureCall') {
      const procedure = procedureOf(plan);
      if (!procedure) return { allowed: false, reason: 'the plan calls a procedure this server cannot name' };
      if (!NEO4J_READ_PROCEDURES.has(procedure))
        return { allowed: false, reason: `the procedure ${procedure} is not on the console's list of read-only ones (${[...NEO4J_READ_PROCEDURES].join(', ')})` };
    }
    stack.push(...plan.children);
  }
  return { allowed: true };
}
