import { describe, expect, it } from 'vitest';
import { QUERY_PARAM_LIMITS, QueryParams } from '../../server/query/queryParams.js';

/**
 * The bounds on an analyst's query parameters, each at its limit and one past it, with
 * the exact issue (path and message) a refusal carries. The limits are the documented
 * ones (32 parameters, 4 deep, 1,000 items, 100 keys, 10,000 characters, 32 KiB), so a
 * test that built its values from QUERY_PARAM_LIMITS would move with a wrong constant;
 * these are written out.
 */

const issues = (params: unknown) => {
  const r = QueryParams.safeParse(params);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
};
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);
const nestedMap = (depth: number): unknown => (depth === 0 ? 'x' : { k: nestedMap(depth - 1) });
const NAME_RULE = 'must be letters, digits and _ (at most 64), not starting with a digit';

describe('query parameters', () => {
  it('names the documented limits', () => {
    expect(QUERY_PARAM_LIMITS).toEqual({ maxParams: 32, maxDepth: 4, maxListLength: 1000, maxMapKeys: 100, maxStringLength: 10_000, maxTotalBytes: 32_768 });
  });

  it('takes every JSON kind of value', () => {
    expect(issues({ n: null, t: true, f: false, i: 0, x: -1.5, s: '', l: [], m: {}, mixed: [null, 1, 'a', { b: [true] }] })).toEqual([]);
  });

  it('takes 32 parameters and refuses 33, with no path', () => {
    const of = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i]));
    expect(issues(of(32))).toEqual([]);
    expect(issues(of(33))).toEqual([{ path: [], message: 'must hold at most 32 parameters' }]);
  });

  it('parameter names: letters, digits and _, 64 at most, no leading digit', () => {
    expect(issues({ _a: 1, A_9: 2, ['a'.repeat(64)]: 3 })).toEqual([]);
    expect(issues({ ['a'.repeat(65)]: 1 })).toEqual([{ path: ['a'.repeat(65)], message: `parameter names ${NAME_RULE}` }]);
    expect(issues({ '9a': 1 })).toEqual([{ path: ['9a'], message: `parameter names ${NAME_RULE}` }]);
    expect(issues({ 'a-b': 1 })).toEqual([{ path: ['a-b'], message: `parameter names ${NAME_RULE}` }]);
    expect(issues({ 'ok x': 1 })).toEqual([{ path: ['ok x'], message: `parameter names ${NAME_RULE}` }]);
    expect(issues({ '': 1 })).toEqual([{ path: [''], message: `parameter names ${NAME_RULE}` }]);
  });

  it('refuses numbers that are not finite', () => {
    expect(issues({ a: Number.NaN })).toEqual([{ path: ['a'], message: 'must be a finite number' }]);
    expect(issues({ a: [1, Number.POSITIVE_INFINITY] })).toEqual([{ path: ['a', 1], message: 'must be a finite number' }]);
    expect(issues({ a: Number.MAX_VALUE })).toEqual([]);
  });

  it('strings up to 10,000 characters', () => {
    expect(issues({ s: 'x'.repeat(10_000) })).toEqual([]);
    expect(issues({ s: 'x'.repeat(10_001) })).toEqual([{ path: ['s'], message: 'must be at most 10000 characters' }]);
  });

  it('refuses what JSON cannot hold', () => {
    const message = 'must be JSON: null, a boolean, a number, a string, a list or a map';
    expect(issues({ a: undefined })).toEqual([{ path: ['a'], message }]);
    expect(issues({ a: () => 1 })).toEqual([{ path: ['a'], message }]);
    expect(issues({ a: { b: 10n } })).toEqual([{ path: ['a', 'b'], message }]);
  });

  it('nests lists and maps 4 deep, not 5', () => {
    expect(issues({ a: nested(4) })).toEqual([]);
    expect(issues({ a: nested(5) })).toEqual([{ path: ['a', 0, 0, 0, 0], message: 'nests lists and maps more than 4 deep' }]);
    expect(issues({ a: nestedMap(4) })).toEqual([]);
    expect(issues({ a: nestedMap(5) })).toEqual([{ path: ['a', 'k', 'k', 'k', 'k'], message: 'nests lists and maps more than 4 deep' }]);
  });

  it('lists of up to 1,000 items', () => {
    expect(issues({ l: Array(1000).fill(0) })).toEqual([]);
    expect(issues({ l: Array(1001).fill(0) })).toEqual([{ path: ['l'], message: 'must hold at most 1000 items' }]);
  });

  it('maps of up to 100 keys, each a name', () => {
    const map = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(issues({ m: map(100) })).toEqual([]);
    expect(issues({ m: map(101) })).toEqual([{ path: ['m'], message: 'must hold at most 100 keys' }]);
    expect(issues({ m: { ok: 1, '1bad': 2 } })).toEqual([{ path: ['m', '1bad'], message: `map key ${NAME_RULE}` }]);
  });

  it('looks inside every item and key, not just the first', () => {
    expect(issues({ l: [1, 2, 'x'.repeat(10_001)] })).toEqual([{ path: ['l', 2], message: 'must be at most 10000 characters' }]);
    expect(issues({ m: { a: 1, b: Number.NaN } })).toEqual([{ path: ['m', 'b'], message: 'must be a finite number' }]);
    expect(issues({ a: 1, b: 2, c: Number.NaN })).toEqual([{ path: ['c'], message: 'must be a finite number' }]);
  });

  it('every refusal is a custom issue, as the error body reports it', () => {
    const codes = (params: unknown) => (QueryParams.safeParse(params).error?.issues ?? []).map((i) => i.code);
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, i]));
    expect(codes(many)).toEqual(['custom']);
    expect(codes({ '1a': 1 })).toEqual(['custom']);
    expect(codes({ a: Number.NaN })).toEqual(['custom']);
    expect(codes({ a: 'é'.repeat(10_000), b: 'é'.repeat(10_000) })).toEqual(['custom']);
  });

  it('reports only the first problem', () => {
    expect(issues({ a: Number.NaN, b: Number.NaN })).toEqual([{ path: ['a'], message: 'must be a finite number' }]);
    expect(issues({ '1a': 1, b: Number.NaN })).toEqual([{ path: ['1a'], message: `parameter names ${NAME_RULE}` }]);
  });

  it('32,768 bytes of JSON altogether, counted in bytes, not characters', () => {
    // {"a":"…","b":"…","c":"…","d":"…"} is 29 bytes besides the four strings.
    const four = (total: number, char = 'x') => {
      const each = Math.floor(total / 4);
      return { a: char.repeat(each), b: char.repeat(each), c: char.repeat(each), d: char.repeat(total - 3 * each) };
    };
    expect(issues(four(32_768 - 29))).toEqual([]);
    expect(issues(four(32_768 - 28))).toEqual([{ path: [], message: 'must be at most 32768 bytes as JSON altogether' }]);
    // "é" is one character and two bytes of UTF-8: 5,000 of them per string, 40,029 bytes in 20,029 characters.
    expect(issues(four(20_000, 'é'))).toEqual([{ path: [], message: 'must be at most 32768 bytes as JSON altogether' }]);
  });
});
