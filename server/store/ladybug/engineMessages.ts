import { StoreError } from '../port.js';

/**
 * LadybugDB's messages about an analyst's query, as the kind of failure and a sentence
 * of our own. The engine's text can hold build paths, file contents (a bound CSV's first
 * line) or internal assertions, so it goes to the log and never to the client.
 */
export function analystEngineError(raw: string): StoreError {
  const message = raw.replace(/\s*\n\s*/g, ' ').trim();
  console.error(`console query failed in the engine: ${message}`);
  if (/interrupt|timeout/i.test(message)) return new StoreError('the query ran over its time cap', 'ad hoc', 'timeout');
  if (/buffer pool is full|unable to allocate|out of memory|bad_alloc/i.test(message)) {
    return new StoreError('the query needed more memory than an analyst worker may use', 'ad hoc', 'too-large');
  }
  if (/multiple statements|several statements/i.test(message)) {
    return new StoreError('only one statement may be run at a time; remove the ";" and what follows it', 'ad hoc', 'refused');
  }
  if (/read-only|not read-only/i.test(message)) return new StoreError('the engine refused a write: /api/query runs read-only queries', 'ad hoc', 'refused');
  const param = /^Parameter ([A-Za-z_][A-Za-z0-9_]*) not found/.exec(message);
  if (param) return new StoreError(`the query uses $${param[1]}, which params does not give`, 'ad hoc');
  if (/^Parser exception/i.test(message)) {
    const at = /\(line: (\d+), offset: (\d+)\)/.exec(message);
    // The offset counts from the start of `EXPLAIN <query>` on the first line.
    const where = at ? ` at line ${at[1]}, column ${Number(at[2]) - (at[1] === '1' ? 'EXPLAIN '.length : 0) + 1}` : '';
    return new StoreError(`the query has a syntax error${where}`, 'ad hoc');
  }
  if (/^(Binder|Catalog) exception/i.test(message)) {
    return new StoreError('the query names a label, relationship type, property, variable, function or parameter that does not exist here, or uses one with the wrong type', 'ad hoc');
  }
  if (/^Runtime exception|^Conversion exception|overflow/i.test(message)) {
    return new StoreError('the query failed while running: a value of the wrong type, a conversion or an index out of range', 'ad hoc');
  }
  return new StoreError('the engine could not run the query', 'ad hoc');
}
