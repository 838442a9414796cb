import { describe, expect, it, vi } from 'vitest';
import { createPositionCache, fnv1a, fromTable, layoutKey, toTable } from '../../client/layout/cache.js';
import { createResourceCache } from '../../client/app/resources.js';
import { MemoryStorage } from './fixtures.js';

describe('the layout cache', () => {
  it('hashes text with 32-bit FNV-1a, as eight hex digits', () => {
    // Test vectors from the FNV reference (draft-eastlake-fnv), and one worked out in Python.
    expect(fnv1a('')).toBe('811c9dc5');
    expect(fnv1a('a')).toBe('e40c292c');
    expect(fnv1a('foobar')).toBe('bf9cf968');
    expect(fnv1a('golden thread')).toBe('5f644a14');
    // A hash below 0x10000000 keeps its leading zeros, so every key has the same length.
    expect(fnv1a('cfx')).toBe('0076912c');
  });

  it('keys a layout by what is drawn, whatever the order', () => {
    expect(layoutKey('layered', ['b', 'a'], ['e'])).toBe(layoutKey('layered', ['a', 'b'], ['e']));
    expect(layoutKey('layered', ['a'], [])).not.toBe(layoutKey('force', ['a'], []));
    expect(layoutKey('layered', ['a'], [])).not.toBe(layoutKey('layered', ['a', 'b'], []));
  });

  it('round-trips positions through the stored table', () => {
    const p = new Map([['no:9', { x: 1.234, y: -5 }]]);
    expect(fromTable(toTable(p))).toEqual(new Map([['no:9', { x: 1.2, y: -5 }]]));
  });

  it('keeps a computed layout in localStorage for the next visit, one per layout kind', () => {
    const storage = new MemoryStorage();
    const first = createPositionCache(storage);
    first.set('layered:v1:a', new Map([['n', { x: 1, y: 2 }]]));
    first.set('layered:v1:b', new Map([['n', { x: 3, y: 4 }]]));
    expect(storage.length).toBe(1);
    const second = createPositionCache(storage);
    expect(second.get('layered:v1:b')).toEqual(new Map([['n', { x: 3, y: 4 }]]));
    expect(second.get('layered:v1:a')).toBeNull();
  });

  it('keeps very large layouts in memory only', () => {
    const storage = new MemoryStorage();
    const cache = createPositionCache(storage, 1);
    cache.set(
      'force:v1:x',
      new Map([
        ['a', { x: 0, y: 0 }],
        ['b', { x: 1, y: 1 }],
      ]),
    );
    expect(storage.length).toBe(0);
    expect(cache.get('force:v1:x')?.size).toBe(2);
  });

  it('survives a storage that refuses', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cache = createPositionCache(storage);
    cache.set('layered:v1:a', new Map([['n', { x: 1, y: 2 }]]));
    expect(cache.get('layered:v1:a')?.get('n')).toEqual({ x: 1, y: 2 });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('server resources', () => {
  it('fetch each key once and re-render when it settles', async () => {
    const fetcher = vi.fn(async (key: string) => `value of ${key}`);
    const settled = vi.fn();
    const cache = createResourceCache(fetcher, settled);
    expect(cache.get('a')).toEqual({ status: 'loading' });
    expect(cache.get('a')).toEqual({ status: 'loading' });
    await vi.waitFor(() => expect(settled).toHaveBeenCalledTimes(1));
    expect(cache.get('a')).toEqual({ status: 'ready', value: 'value of a' });
    expect(cache.peek('a')).toBe('value of a');
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(cache.get(null)).toEqual({ status: 'idle' });
  });

  it('keep the server’s message when a fetch fails', async () => {
    const cache = createResourceCache(
      async () => {
        throw new Error('no API route GET /api/gaps/x');
      },
      () => {},
    );
    cache.get('x');
    await vi.waitFor(() => expect(cache.get('x').status).toBe('error'));
    expect(cache.get('x')).toEqual({ status: 'error', error: 'no API route GET /api/gaps/x' });
  });

  it('abort what is in flight when destroyed, and can be destroyed twice', async () => {
    let signal: AbortSignal | undefined;
    const settled = vi.fn();
    const cache = createResourceCache((_k, s) => {
      signal = s;
      return new Promise<string>(() => {});
    }, settled);
    cache.get('slow');
    cache.destroy();
    cache.destroy();
    expect(signal?.aborted).toBe(true);
    expect(cache.get('slow')).toEqual({ status: 'idle' });
    expect(settled).not.toHaveBeenCalled();
  });
});
