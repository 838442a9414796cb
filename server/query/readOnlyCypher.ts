/**
 * Refuses analyst Cypher that could write, before anything reaches an engine. The
 * engines enforce read-only transactions too; this check gives a clear reason first
 * and covers the statements a read-only transaction does not (DDL, LOAD CSV, COPY,
 * transaction control, several statements at once).
 *
 * Strings, comments and backticked names are blanked out first, so a node titled
 * "Create a protocol" does not trip the check.
 */

const WRITE_CLAUSES = [
  'CREATE', 'MERGE', 'SET', 'DELETE', 'DETACH', 'REMOVE', 'DROP', 'ALTER', 'FOREACH',
  'LOAD', 'COPY', 'IMPORT', 'EXPORT', 'INSTALL', 'ATTACH', 'USE',
  'BEGIN', 'COMMIT', 'ROLLBACK', 'CHECKPOINT', 'TRANSACTION', 'TERMINATE',
  'GRANT', 'DENY', 'REVOKE', 'START', 'STOP', 'ENABLE', 'RENAME', 'INSERT',
] as const;

/** Procedures analysts may call: read-only introspection on either engine. */
const READ_PROCEDURES = new Set(['db.labels', 'db.relationshiptypes', 'db.propertykeys', 'db.schema.visualization', 'show_tables', 'table_info', 'show_connection']);

export function blankLiterals(cypher: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const c = cypher[i]!;
    const next = cypher[i + 1];
    if (c === '/' && next === '/') {
      while (i < cypher.length && cypher[i] !== '\n') (out += ' '), i++;
    } else if (c === '/' && next === '*') {
      const end = cypher.indexOf('*/', i + 2);
      const stop = end === -1 ? cypher.length : end + 2;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < cypher.length && cypher[j] !== c) j += cypher[j] === '\\' ? 2 : 1;
      const stop = Math.min(j + 1, cypher.length);
      out += c + ' '.repeat(Math.max(0, stop - i - 2)) + (stop - i >= 2 ? c : '');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

export type Refusal = { reason: string };

export function refuseWrites(cypher: string): Refusal | null {
  const code = blankLiterals(cypher);
  const statements = code.split(';').filter((s) => s.trim().length > 0);
  if (statements.length > 1) return { reason: 'only one statement may be run at a time; remove the ";"' };
  const words = code.toUpperCase().match(/[A-Z_][A-Z0-9_.]*/g) ?? [];
  for (const word of words) {
    if ((WRITE_CLAUSES as readonly string[]).includes(word)) {
      return { reason: `${word} is not allowed: /api/query runs read-only Cypher` };
    }
  }
  const calls = [...code.matchAll(/\bCALL\s+([A-Za-z_][\w.]*)\s*\(/gi)].map((m) => m[1]!.toLowerCase());
  const subqueryCall = /\bCALL\s*\{/i.test(code);
  for (const proc of calls) {
    if (!READ_PROCEDURES.has(proc)) return { reason: `procedure ${proc} is not allowed: only read-only introspection procedures may be called` };
  }
  if (subqueryCall) return { reason: 'CALL { } subqueries are not allowed in /api/query' };
  return null;
}
