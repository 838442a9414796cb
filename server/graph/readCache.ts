import { NODE_KINDS, RELATIONSHIP_TYPES, type ChangeDiff } from '../../model/index.js';
import type { CommittedChange } from '../changes/bus.js';
import { queries } from '../cypher/registry.js';
import type { GraphStore, Params, Row } from '../store/port.js';

/**
 * Derived read models that many requests need and few writes change: which plan each
 * node belongs to, gap lists, golden threads, the matrix axes. A seminar room asks for
 * the same ones again and again while edits keep coming, so a change drops only the
 * read models it can affect.
 *
 * What a read model depends on is recorded, not declared: `compute` receives a store
 * that notes every named query it runs, and the entry keeps the property names,
 * relationship types and node kinds those query texts mention. A committed change
 * (from the change pipeline's bus) drops an entry only when it adds or removes a
 * relationship of a type the entry read, adds or removes a node of a kind it read (or
 * of any kind, when its queries match nodes whatever their kind), or changes a field
 * the entry's queries read. A one-field edit of an action's timescale therefore leaves
 * the golden threads, the matrix and most gap analyses warm. Whatever cannot be
 * recorded (a compute that ignores the store it is given) is dropped on every change.
 * A maximum age covers writes made by another process on a shared Neo4j. The embedded
 * store belongs to this process alone, and every domain write reaches it through the
 * change pipeline, so there an entry lives until a change affects it: with an age, a
 * seminar's read models were computed afresh every ten seconds however few the edits.
 */

const MAX_AGE_MS = 10_000;
/** Whether an entry made at `at` may still be served: always on the embedded store, for MAX_AGE_MS on Neo4j. */
const fresh = (store: GraphStore, at: number) => store.kind !== 'neo4j' || Date.now() - at < MAX_AGE_MS;
/** Entries kept per store; the oldest go first. */
const MAX_ENTRIES = 500;

/** What a read model read: property names, relationship types and node kinds its queries mention. */
export type ReadDependencies = { fields: Set<string>; relTypes: Set<string>; kinds: Set<string>; anyKind: boolean };

/**
 * A way to bring a computed value up to date with a change that affects it, instead of
 * dropping it: the new value, or undefined when this change cannot be patched in (drop it).
 * A promise is a patch that reads the store again, but less than computing the value
 * afresh would (the rows of the edited nodes alone).
 */
export type Patch<T> = (value: T, diff: ChangeDiff) => T | Promise<T> | undefined;

/** `settled` false while computing: its dependencies are not all known yet; `resolved` the value once settled. */
type Entry = { at: number; value: Promise<unknown>; deps?: ReadDependencies; settled: boolean; resolved?: unknown; patch?: Patch<unknown> };
const caches = new WeakMap<GraphStore, Map<string, Entry>>();

const RECORDER = Symbol('read recorder');
type Recording = GraphStore & { [RECORDER]: { real: GraphStore; deps: ReadDependencies } };

const realStore = (store: GraphStore): GraphStore => (store as Partial<Recording>)[RECORDER]?.real ?? store;

function emptyDeps(): ReadDependencies {
  return { fields: new Set(), relTypes: new Set(), kinds: new Set(), anyKind: false };
}

function merge(into: ReadDependencies, from: ReadDependencies): void {
  for (const f of from.fields) into.fields.add(f);
  for (const t of from.relTypes) into.relTypes.add(t);
  for (const k of from.kinds) into.kinds.add(k);
  into.anyKind ||= from.anyKind;
}

const KINDS = new Set<string>(NODE_KINDS);
const TYPES = new Set<string>(RELATIONSHIP_TYPES);
const textDeps = new Map<string, ReadDependencies>();

/** The dependencies of a named query, from its text (both engines' texts, over-approximated). */
export function queryDependencies(name: string, kind: GraphStore['kind']): ReadDependencies {
  const key = `${kind} ${name}`;
  let deps = textDeps.get(key);
  if (!deps) {
    deps = emptyDeps();
    const text = queries()
      .text(name, kind === 'neo4j' ? 'neo4j' : 'ladybug')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    for (const m of text.matchAll(/\.([A-Za-z_]\w*)/g)) deps.fields.add(m[1]!);
    for (const m of text.matchAll(/[A-Za-z_]\w*/g)) {
      if (TYPES.has(m[0])) deps.relTypes.add(m[0]);
      if (KINDS.has(m[0])) deps.kinds.add(m[0]);
    }
    // A node pattern with no label, or the any-node label, matches nodes of every kind.
    if (/\(\s*\w*\s*(\)|\{)/.test(text) || /:GTNode\b/.test(text)) deps.anyKind = true;
    // A relationship pattern with no type ([r], [], [*1..2], -->) matches relationships of every type.
    if (/\[\s*\w*\s*(\]|\{|\*)/.test(text) || /-->|<--|\)--\(/.test(text)) for (const t of TYPES) deps.relTypes.add(t);
    textDeps.set(key, deps);
  }
  return deps;
}

/** A store that records what is read through it into `deps`; writes are refused (a read model never writes). */
function recording(store: GraphStore, deps: ReadDependencies): GraphStore {
  const real = realStore(store);
  const read = (name: string, params?: Params): Promise<Row[]> => {
    merge(deps, queryDependencies(name, real.kind));
    return real.read(name, params);
  };
  return new Proxy(real, {
    get(target, prop) {
      if (prop === RECORDER) return { real, deps };
      if (prop === 'read') return read;
      if (prop === 'write') return () => Promise.reject(new Error('a read model must not write'));
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export function cached<T>(store: GraphStore, key: string, compute: (store: GraphStore) => Promise<T>, options: { patch?: Patch<T> } = {}): Promise<T> {
  const real = realStore(store);
  const outer = (store as Partial<Recording>)[RECORDER]?.deps;
  let cache = caches.get(real);
  if (!cache) caches.set(real, (cache = new Map<string, Entry>()));
  const hit = cache.get(key);
  if (hit && fresh(real, hit.at)) {
    // A read model built on another one depends on what that one read.
    if (outer) {
      if (hit.deps) merge(outer, hit.deps);
      else outer.anyKind = true;
    }
    return hit.value as Promise<T>;
  }
  const deps = emptyDeps();
  const value = compute(recording(real, deps));
  const entry: Entry = { at: Date.now(), value, deps, settled: false, ...(options.patch ? { patch: options.patch as Patch<unknown> } : {}) };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // A failed computation is not kept: the next request tries again.
  value.then(
    (resolved) => {
      entry.settled = true;
      entry.resolved = resolved;
      if (outer) merge(outer, deps);
    },
    () => cache.get(key) === entry && cache.delete(key),
  );
  return value;
}

/** Whether a fresh value for `key` is at hand, so that a caller can choose a cheaper path when it is not. */
export function isCached(store: GraphStore, key: string): boolean {
  const hit = caches.get(realStore(store))?.get(key);
  return hit !== undefined && fresh(realStore(store), hit.at);
}

const generations = new WeakMap<GraphStore, number>();

/**
 * A number that changes on every wholesale invalidation: read models kept elsewhere (the
 * search index) compare it to know they are stale. Committed changes do not move it; they
 * reach the search index through its own bus listener (changePipelineFor).
 */
export function readGeneration(store: GraphStore): number {
  return generations.get(realStore(store)) ?? 0;
}

export function invalidateReadCaches(store: GraphStore): void {
  const real = realStore(store);
  caches.get(real)?.clear();
  generations.set(real, readGeneration(real) + 1);
}

/** What a committed change touched, in the terms read models record. */
type Touch = { fields: Set<string>; relTypes: Set<string>; kindsAddedOrRemoved: Set<string> };

function touchOf(diff: ChangeDiff): Touch {
  const touch: Touch = { fields: new Set(), relTypes: new Set(), kindsAddedOrRemoved: new Set() };
  for (const u of diff.nodes.updated) for (const f of u.fields) touch.fields.add(f.field);
  for (const n of [...diff.nodes.added, ...diff.nodes.removed]) {
    touch.kindsAddedOrRemoved.add(n.kind);
    touch.fields.add('id');
    for (const [field, value] of Object.entries(n.props)) if (value !== null) touch.fields.add(field);
  }
  for (const r of [...diff.relationships.added, ...diff.relationships.removed]) touch.relTypes.add(r.type);
  return touch;
}

/** Whether a change can alter what a read model with these dependencies computed. */
export function affects(deps: ReadDependencies | undefined, diff: ChangeDiff): boolean {
  if (!deps) return true;
  const touch = touchOf(diff);
  for (const t of touch.relTypes) if (deps.relTypes.has(t)) return true;
  for (const k of touch.kindsAddedOrRemoved) if (deps.anyKind || deps.kinds.has(k)) return true;
  for (const f of touch.fields) if (deps.fields.has(f)) return true;
  return false;
}

/**
 * Brings the read models up to date with a committed change: patches those it affects
 * that know how (a row list whose edited column is shown, not filtered on), drops the
 * other affected ones, keeps the rest. A read model built on a patched one still drops,
 * and is computed again from the patched one, which is cheap.
 */
export function updateReadModels(store: GraphStore, change: CommittedChange): void {
  const cache = caches.get(realStore(store));
  if (!cache) return;
  for (const [key, entry] of cache) {
    // One still computing may have read the graph before the change and not yet said what it read: drop it.
    if (!entry.settled) cache.delete(key);
    else if (affects(entry.deps, change.diff)) {
      const patched = entry.patch?.(entry.resolved, change.diff);
      if (patched === undefined) cache.delete(key);
      else if (patched instanceof Promise) settleAgain(cache, key, entry, patched);
      else {
        entry.resolved = patched;
        entry.value = Promise.resolve(patched);
      }
    }
  }
}

/**
 * An entry whose patch reads the store: it is served from the patch's promise, and counts
 * as still computing until that settles, so a change committed meanwhile drops it (the
 * patch's read may have come before that change). A failed patch drops it.
 */
function settleAgain(cache: Map<string, Entry>, key: string, entry: Entry, patched: Promise<unknown>): void {
  entry.settled = false;
  entry.value = patched;
  patched.then(
    (resolved) => {
      entry.settled = true;
      entry.resolved = resolved;
    },
    () => cache.get(key) === entry && cache.delete(key),
  );
}
