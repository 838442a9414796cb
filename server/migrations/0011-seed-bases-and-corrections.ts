import { EDIT_BASIS, relationshipId, type ChangeOperation, type NodeInput, type RelationshipInput } from '../../model/index.js';
import { MIGRATION_ACTOR } from '../changes/actors.js';
import { changePipelineFor } from '../changes/pipeline.js';
import { countGraph } from '../graph/graphReader.js';
import { checkSeedSet } from '../seed/checkSeedSet.js';
import { seedFilePaths } from '../seed/seedFiles.js';
import type { GraphStore, NodeValue, RelationshipValue } from '../store/port.js';
import type { Migration } from './migration.js';
import { upgradeTables } from './0012-programmes-outputs-objectives.js';

/**
 * Issue 10 brings the curated seed's bases and corrections to a data directory loaded
 * from an earlier seed, through the change pipeline (audited, as the migration actor),
 * without overwriting anything a person changed:
 *
 * - a node still at version 1 was never edited: it takes the seed's properties whole
 *   (organisations excepted: issue 10 changed none, so their aliases stay as stored)
 *   (bases, the corrected statuses and due dates, Glasgow's inferred due dates);
 * - an edited node only gains the properties it lacks, and a correction listed below
 *   is applied only while the node still holds the misreading it replaces;
 * - a relationship with document provenance is the seed's own: it takes the seed's
 *   basis, properties and provenance; one the seed no longer has (the CJA leading
 *   L&B 5.3.3-a, line 908) is removed; the seed's new links are added;
 * - links and statuses an edit made without a basis get "added by an edit".
 *
 * On an empty store it does nothing: the seed, loaded after the migrations, has it all.
 */

/** Misreadings corrected in review 10, each applied to an edited node only if it still holds `was`. */
export const CORRECTIONS: { id: string; field: string; was: unknown; now?: unknown }[] = [
  // Lanarkshire 2008-09 line 151: "... gives required assurance".
  { id: 'lcja-2008:progress:2.5.9', field: 'status', was: 'on target', now: 'complete' },
  { id: 'lcja-2008:action:2.5.9', field: 'status', was: 'on target', now: 'complete' },
  // Lines 173/179 and 185/191: due July 2008, not done by then.
  ...['2.5.11', '2.5.12'].flatMap((ref) => [
    { id: `lcja-2008:progress:${ref}`, field: 'status', was: 'not started', now: 'delayed' },
    { id: `lcja-2008:action:${ref}`, field: 'status', was: 'not started', now: 'delayed' },
  ]),
  // Lanarkshire 2010 line 11: "Monies provided January 2010" is a past event, not a deadline.
  { id: 'lcja-2010:action:2', field: 'dueDate', was: '2010-01-31' },
  // Line 18: four items reported done; the dates beside them are no deadlines.
  { id: 'lcja-2010:milestone:3-1', field: 'dueDate', was: '2010-10-28' },
  { id: 'lcja-2010:milestone:3-2', field: 'dueDate', was: '2010-12-03' },
  { id: 'lcja-2010:milestone:3-3', field: 'dueDate', was: '2010-11-05' },
  { id: 'lcja-2010:milestone:3-6', field: 'dueDate', was: '2010-10-20' },
];

const BATCH = 500;
const chunks = <T>(items: T[], size = BATCH): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

function seedItems(): { nodes: Map<string, NodeInput>; rels: Map<string, RelationshipInput>; documents: Set<string> } {
  const { files } = checkSeedSet(seedFilePaths());
  const nodes = new Map<string, NodeInput>();
  for (const f of files) {
    for (const n of f.seed.nodes) {
      const seen = nodes.get(n.id);
      // Organisations named by several files: one node with every alias, as the seed loader makes it.
      if (seen?.kind === 'Organisation' && n.kind === 'Organisation') {
        const aliases = new Set([...seen.props.aliases, ...n.props.aliases]);
        aliases.delete(seen.props.name);
        seen.props.aliases = [...aliases].sort((a, b) => a.localeCompare(b));
      } else if (!seen) nodes.set(n.id, n.kind === 'Organisation' ? { ...n, props: { ...n.props, aliases: [...new Set(n.props.aliases)].sort((a, b) => a.localeCompare(b)) } } : n);
    }
  }
  const rels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));
  const documents = new Set(files.map((f) => f.seed.document).filter((d): d is string => d !== null));
  return { nodes, rels, documents };
}

const present = (v: unknown) => v !== null && v !== undefined;

/** The operations that bring the stored graph to the seed's bases and corrections; exported for the tests. */
export async function seedUpgradeOperations(store: GraphStore): Promise<ChangeOperation[]> {
  const { nodes: seedNodes, rels: seedRels, documents } = seedItems();
  const ops: ChangeOperation[] = [];

  const stored = new Map<string, NodeValue>();
  for (const ids of chunks([...seedNodes.keys()])) {
    for (const row of await store.read('graph/nodes-by-id', { ids })) {
      const n = row.n as NodeValue;
      stored.set(String(n.properties.id), n);
    }
  }
  for (const [id, seed] of seedNodes) {
    const now = stored.get(id);
    if (!now) {
      ops.push({ op: 'create', node: { kind: seed.kind, id, props: seed.props, provenance: seed.provenance } });
      continue;
    }
    // Issue 10 changed no organisation: their names and aliases stay as stored.
    if (seed.kind === 'Organisation') continue;
    if (Number(now.properties.version) === 1 && now.properties.provSource === 'document') {
      ops.push({ op: 'create', node: { kind: seed.kind, id, props: seed.props, provenance: seed.provenance } });
      continue;
    }
    const set: Record<string, unknown> = {};
    const unset: string[] = [];
    for (const [field, value] of Object.entries(seed.props as Record<string, unknown>)) {
      if (!present(now.properties[field]) && present(value)) set[field] = value;
    }
    for (const c of CORRECTIONS.filter((c) => c.id === id && now.properties[c.field] === c.was)) {
      if (c.now === undefined) unset.push(c.field);
      else set[c.field] = c.now;
    }
    // A status an edit changed is the edit's: the seed's basis speaks for the seed's word only.
    const seedStatus = (seed.props as Record<string, unknown>).status;
    const status = set.status ?? now.properties.status;
    if (present(status) && !present(now.properties.statusBasis) && (!present(set.statusBasis) || status !== seedStatus)) set.statusBasis = EDIT_BASIS;
    if (Object.keys(set).length || unset.length) ops.push({ op: 'update', id, set, unset });
  }

  const storedRels = new Map<string, RelationshipValue & { from: string; to: string }>();
  for (const ids of chunks([...stored.keys()])) {
    for (const row of await store.read('graph/relationships-out', { ids })) {
      const r = row.r as RelationshipValue;
      storedRels.set(String(r.properties.id), { ...r, from: String(row.source), to: String(row.target) });
    }
  }
  const nodeExists = (id: string) => stored.has(id) || seedNodes.has(id);
  for (const [id, seed] of seedRels) {
    const now = storedRels.get(id);
    if (now && now.properties.provSource !== 'document') continue;
    if (!nodeExists(seed.from) || !nodeExists(seed.to)) continue;
    if (now) ops.push({ op: 'unlink', type: seed.type, from: seed.from, to: seed.to });
    ops.push({ op: 'link', type: seed.type, from: seed.from, to: seed.to, props: seed.props, provenance: seed.provenance });
  }
  for (const [id, now] of storedRels) {
    if (seedRels.has(id)) continue;
    const p = now.properties;
    if (p.provSource === 'document' && documents.has(String(p.provFile))) {
      ops.push({ op: 'unlink', type: now.type as never, from: now.from, to: now.to });
    } else if (p.provSource === 'edit' && !present(p.linkBasis)) {
      const props = Object.fromEntries(Object.entries(p).filter(([k, v]) => present(v) && k !== 'id' && !k.startsWith('prov')));
      const provenance = { source: 'edit' as const, author: String(p.provAuthor), at: String(p.provAt), ...(p.provNote ? { note: String(p.provNote) } : {}) };
      ops.push({ op: 'unlink', type: now.type as never, from: now.from, to: now.to });
      ops.push({ op: 'link', type: now.type as never, from: now.from, to: now.to, props: { ...props, linkBasis: EDIT_BASIS }, provenance });
    }
  }
  return ops;
}

export const migration: Migration = {
  id: 11,
  name: 'seed-bases-and-corrections',
  async up(store) {
    // This migration brings the CURRENT seed, which may link kinds the tables of an older store
    // cannot hold yet (an Output serving an outcome, an organisation's document aliases): the
    // tables of migration 12 come first.
    await upgradeTables(store);
    if ((await countGraph(store)).nodes === 0) return;
    const operations = await seedUpgradeOperations(store);
    if (operations.length === 0) return;
    // One change: the upgrade lands whole or not at all, and is audited as the migration's.
    await changePipelineFor(store).submit({ operations, reason: 'issue 10: bases of links and statuses, and the corrections of review 10' }, MIGRATION_ACTOR, { kind: 'seed' }, { upsert: true });
  },
};
