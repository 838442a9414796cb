import { z } from 'zod';

/**
 * The parameters of an analyst's query, bounded before an engine sees them: a list
 * nested 30 deep once hung the embedded engine for good, and a parameter is the one
 * part of a query no plan shows. Values are JSON: null, booleans, finite numbers,
 * strings, lists and maps, within the limits below.
 */

export const QUERY_PARAM_LIMITS = {
  /** Parameters in one query. */
  maxParams: 32,
  /** Lists and maps inside one another: `[[1]]` is 2 deep. */
  maxDepth: 4,
  maxListLength: 1000,
  maxMapKeys: 100,
  maxStringLength: 10_000,
  /** Every value together, as JSON. */
  maxTotalBytes: 32_768,
} as const;

const L = QUERY_PARAM_LIMITS;
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const NAME_RULE = 'must be letters, digits and _ (at most 64), not starting with a digit';

type Issue = { path: (string | number)[]; message: string };

/** The first problem with one value, if any; walks no deeper than the depth limit. */
function problemOf(value: unknown, path: (string | number)[], depth: number): Issue | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : { path, message: 'must be a finite number' };
  if (typeof value === 'string') return value.length > L.maxStringLength ? { path, message: `must be at most ${L.maxStringLength} characters` } : undefined;
  if (typeof value !== 'object') return { path, message: 'must be JSON: null, a boolean, a number, a string, a list or a map' };
  if (depth >= L.maxDepth) return { path, message: `nests lists and maps more than ${L.maxDepth} deep` };
  if (Array.isArray(value)) {
    if (value.length > L.maxListLength) return { path, message: `must hold at most ${L.maxListLength} items` };
    for (let i = 0; i < value.length; i++) {
      const p = problemOf(value[i], [...path, i], depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  const entries = Object.entries(value);
  if (entries.length > L.maxMapKeys) return { path, message: `must hold at most ${L.maxMapKeys} keys` };
  for (const [k, v] of entries) {
    if (!NAME.test(k)) return { path: [...path, k], message: `map key ${NAME_RULE}` };
    const p = problemOf(v, [...path, k], depth + 1);
    if (p) return p;
  }
  return undefined;
}

export const QueryParams = z.record(z.string(), z.unknown()).superRefine((params, ctx) => {
  const names = Object.keys(params);
  if (names.length > L.maxParams) {
    ctx.addIssue({ code: 'custom', message: `must hold at most ${L.maxParams} parameters` });
    return;
  }
  for (const name of names) {
    if (!NAME.test(name)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `parameter names ${NAME_RULE}` });
      return;
    }
    const problem = problemOf(params[name], [name], 0);
    if (problem) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
      return;
    }
  }
  if (Buffer.byteLength(JSON.stringify(params)) > L.maxTotalBytes) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${L.maxTotalBytes} bytes as JSON altogether` });
  }
});
