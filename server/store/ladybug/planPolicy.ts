import { SYSTEM_TABLE_NAMES } from '../../../model/system.js';
import type { PlanOperator } from './explainPlan.js';

/**
 * What an analyst's query may do on LadybugDB, decided from the engine's own plan.
 *
 * The decision is an allow-list: every operator of the physical plan must be a read
 * operator below, and every table function one of the harmless ones. Anything else
 * (writes, COPY TO, EXPORT/IMPORT DATABASE, ATTACH, USE, settings, transaction control,
 * extensions, file readers, operators this list has never heard of) is refused.
 */

/** Physical operators that only read the graph, compute, or shape results. */
export const READ_OPERATORS: ReadonlySet<string> = new Set([
  'RESULT_COLLECTOR',
  'PROJECTION',
  'FILTER',
  'FLATTEN',
  'LIMIT',
  'SKIP',
  'MULTIPLICITY_REDUCER',
  'SCAN_NODE_TABLE',
  'PRIMARY_KEY_SCAN_NODE_TABLE',
  'SCAN_REL_TABLE',
  'RECURSIVE_EXTEND',
  'PATH_PROPERTY_PROBE',
  'SEMI_MASKER',
  'HASH_JOIN_BUILD',
  'HASH_JOIN_PROBE',
  'INTERSECT_BUILD',
  'INTERSECT',
  'CROSS_PRODUCT',
  'AGGREGATE',
  'AGGREGATE_FINALIZE',
  'AGGREGATE_SCAN',
  'ORDER_BY',
  'ORDER_BY_MERGE',
  'ORDER_BY_SCAN',
  'TOP_K',
  'TOP_K_SCAN',
  'UNWIND',
  'UNION_ALL_SCAN',
  'DUMMY_SINK',
  'EMPTY_RESULT',
  'TABLE_FUNCTION_CALL',
]);

/**
 * Table functions that read nothing but the query's own intermediate results or the
 * catalogue. READ_FTABLE is the engine's own scan of an in-memory intermediate table
 * (every `RETURN 1` uses it).
 */
export const HARMLESS_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['READ_FTABLE', 'SHOW_TABLES', 'TABLE_INFO', 'SHOW_CONNECTION', 'DB_VERSION']);

/**
 * Refused operators whose EXPLAIN is known to do nothing (test/store/consolePlans.spec.ts
 * checks it on the engine): the plan is built but never run, so no setting changes, no
 * transaction begins and no file is written. Any other refusal may have left state in
 * the worker that explained it, so that worker is replaced.
 */
export const INERT_WHEN_EXPLAINED: ReadonlySet<string> = new Set([
  'INSERT',
  'SET_PROPERTY',
  'DELETE',
  'MERGE',
  'CREATE_TABLE',
  'DROP',
  'ALTER',
  'COPY_TO',
  'STANDALONE_CALL',
  'TRANSACTION',
  'USE_DATABASE',
  'DETACH_DATABASE',
  'SYSTEM_TABLE',
]);

export type PlanVerdict = { allowed: true } | { allowed: false; reason: string; replaceWorker: boolean };

const FUNCTION_DETAIL = /^Function: ([A-Za-z0-9_]+)$/;

/**
 * Golden Thread's own records (accounts with their password hashes, sessions, the audit
 * log, changes awaiting approval) are tables beside the graph's. The console shows the
 * graph, never these: a plan that scans any of them is refused. The engine lists the
 * tables a scan reads on the lines after `Tables:`, one a line; a query's own words
 * never stand alone on such a line, so matching a whole line is exact.
 */
const SYSTEM_TABLES: ReadonlySet<string> = new Set(SYSTEM_TABLE_NAMES);

function systemTablesRead(op: PlanOperator): string[] {
  return op.details.map((d) => d.replace(/^Tables:\s*/, '').trim()).filter((d) => SYSTEM_TABLES.has(d));
}

export function judgeLadybugPlan(operators: PlanOperator[]): PlanVerdict {
  const refused: { operator: string; reason: string }[] = [];
  for (const op of operators) {
    const system = systemTablesRead(op);
    if (system.length) {
      refused.push({
        operator: 'SYSTEM_TABLE',
        reason: `the plan reads Golden Thread's own records (${system.join(', ')}), which the console does not show; name the kinds you want, e.g. MATCH (n:Action)`,
      });
      continue;
    }
    if (!READ_OPERATORS.has(op.name)) {
      refused.push({ operator: op.name, reason: `the plan uses ${op.name}, which is not a read operator` });
      continue;
    }
    if (op.name === 'TABLE_FUNCTION_CALL') {
      // The function is the box's first detail line; a query's own text comes later, if at all.
      const fn = FUNCTION_DETAIL.exec(op.details[0] ?? '')?.[1]?.toUpperCase();
      if (!fn) refused.push({ operator: op.name, reason: 'the plan calls a table function this server cannot name' });
      else if (!HARMLESS_TABLE_FUNCTIONS.has(fn)) refused.push({ operator: op.name, reason: `the plan calls the table function ${fn}, which is not on the console's list of harmless ones` });
    }
  }
  if (refused.length === 0) return { allowed: true };
  return {
    allowed: false,
    reason: `${refused[0]!.reason}: /api/query runs read-only queries over the graph`,
    replaceWorker: refused.some((r) => !INERT_WHEN_EXPLAINED.has(r.operator)),
  };
}
