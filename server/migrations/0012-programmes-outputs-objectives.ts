import { documentAliasesOf, relationshipId, type ChangeOperation, type NodeInput, type RelationshipInput } from '../../model/index.js';
import { MIGRATION_ACTOR } from '../changes/actors.js';
import { changePipelineFor } from '../changes/pipeline.js';
import { countGraph } from '../graph/graphReader.js';
import { checkSeedSet } from '../seed/checkSeedSet.js';
import { mergeOrganisations } from '../seed/loadSeed.js';
import { seedFilePaths } from '../seed/seedFiles.js';
import type { GraphStore, NodeValue, RelationshipValue } from '../store/port.js';
import type { Migration } from './migration.js';

/**
 * Issue 10, second part: programmes as their own kind, Lothian & Borders outputs as nodes,
 * and Glasgow's progress against the MAPPA key objectives, brought to a data directory made
 * by the previous release (migrations 1, 10 and 11 applied), without losing anything:
 *
 * - LadybugDB relationship tables gain the new endpoint pairs and organisations the
 *   `documentAliases` column (the new node tables, DELIVERS and USES are created by the
 *   schema itself when the store opens);
 * - organisations gain their document aliases; an organisation no edit touched also drops
 *   the global aliases the seed now scopes to one document ("CJSW" of Glasgow CJSW);
 * - the seed's nodes and links the store lacks are added (nothing stored is overwritten);
 * - an action's `output` text is unset only while it still holds the seed's old words, now
 *   the title of the Output node it DELIVERS; an edited output text stays;
 * - the old "218 Service" organisation is removed only while no edit touched it (version 1,
 *   every link of it from a document); otherwise it stays beside the new programme.
 *
 * On an empty store it only runs the DDL: the seed, loaded after the migrations, has it all.
 */

export const TABLE_QUERIES = [
  'migrations/0012-organisation-document-aliases',
  'migrations/0012-contains-plan-to-output',
  'migrations/0012-serves-output-to-local-outcome',
  'migrations/0012-has-progress-priority-to-progress-update',
  'migrations/0012-funds-funding-to-programme',
  // Migration 50's column, added here too: migrations 11 and 12 write indicators with today's upsert, which sets a baseline.
  'migrations/0050-indicator-baseline',
] as const;

/** The organisation the previous seed made of the 218 Service (Glasgow line 487), now programme:218-service. */
export const FORMER_ORGANISATION = 'org:218-service';

/** The column and endpoint pairs of this migration; migration 11, which writes the current seed, runs them first too. */
export async function upgradeTables(store: GraphStore): Promise<void> {
  if (store.kind !== 'embedded') return;
  for (const query of TABLE_QUERIES) await store.write((tx) => tx.run(query));
}

const BATCH = 500;
const chunks = <T>(items: T[], size = BATCH): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
type StoredRel = RelationshipValue & { from: string; to: string };

function seedItems(): { nodes: Map<string, NodeInput>; rels: Map<string, RelationshipInput> } {
  const { files } = checkSeedSet(seedFilePaths());
  const all = files.flatMap((f) => f.seed.nodes);
  const organisations = mergeOrganisations(all);
  const nodes = new Map<string, NodeInput>();
  for (const n of all) if (!nodes.has(n.id)) nodes.set(n.id, organisations.get(n.id) ?? n);
  const rels = new Map(files.flatMap((f) => f.seed.relationships.map((r) => [relationshipId(r.from, r.type, r.to), r] as const)));
  return { nodes, rels };
}

async function storedNodes(store: GraphStore, ids: string[]): Promise<Map<string, NodeValue>> {
  const stored = new Map<string, NodeValue>();
  for (const batch of chunks(ids)) {
    for (const row of await store.read('graph/nodes-by-id', { ids: batch })) {
      const n = row.n as NodeValue;
      stored.set(String(n.properties.id), n);
    }
  }
  return stored;
}

async function storedRels(store: GraphStore, query: 'graph/relationships-out' | 'graph/relationships-in', ids: string[]): Promise<StoredRel[]> {
  const rels: StoredRel[] = [];
  for (const batch of chunks(ids)) {
    for (const row of await store.read(query, { ids: batch })) rels.push({ ...(row.r as RelationshipValue), from: String(row.source), to: String(row.target) });
  }
  return rels;
}

/** The operations that bring a store of the previous release to this seed; exported for the tests. */
export async function programmeUpgradeOperations(store: GraphStore): Promise<ChangeOperation[]> {
  const { nodes: seedNodes, rels: seedRels } = seedItems();
  const stored = await storedNodes(store, [...seedNodes.keys(), FORMER_ORGANISATION]);
  const ops: ChangeOperation[] = [];

  // 1. The old organisation goes first, so that nothing below links to it.
  const former = stored.get(FORMER_ORGANISATION);
  if (former && former.label === 'Organisation' && !seedNodes.has(FORMER_ORGANISATION)) {
    const links = [...(await storedRels(store, 'graph/relationships-out', [FORMER_ORGANISATION])), ...(await storedRels(store, 'graph/relationships-in', [FORMER_ORGANISATION]))];
    const untouched = Number(former.properties.version) === 1 && former.properties.provSource === 'document' && links.every((r) => r.properties.provSource === 'document');
    if (untouched) ops.push({ op: 'delete', id: FORMER_ORGANISATION });
    else
      for (const r of links.filter((r) => r.properties.provSource === 'document' && !seedRels.has(String(r.properties.id)))) ops.push({ op: 'unlink', type: r.type as never, from: r.from, to: r.to });
  }

  // 2. The seed's nodes the store lacks.
  for (const [id, seed] of seedNodes) {
    if (!stored.has(id)) ops.push({ op: 'create', node: { kind: seed.kind, id, props: seed.props, provenance: seed.provenance } });
  }

  // 3. Document aliases: what "CJA" and "CJSW" mean in each document.
  for (const [id, seed] of seedNodes) {
    const now = stored.get(id);
    if (seed.kind !== 'Organisation' || !now || !seed.props.documentAliases?.length) continue;
    const set: Record<string, unknown> = {};
    if (!Array.isArray(now.properties.documentAliases) || now.properties.documentAliases.length === 0) set.documentAliases = seed.props.documentAliases;
    const scoped = new Set(documentAliasesOf(seed.props).map(([, alias]) => alias));
    const aliases = Array.isArray(now.properties.aliases) ? now.properties.aliases.map(String) : [];
    const kept = aliases.filter((a) => !scoped.has(a) || seed.props.aliases.includes(a));
    if (Number(now.properties.version) === 1 && kept.length < aliases.length) set.aliases = kept;
    if (Object.keys(set).length) ops.push({ op: 'update', id, set, unset: [] });
  }

  // 4. Output text the seed no longer holds: unset while it is still the old seed's words.
  const outputTitle = new Map<string, string>();
  for (const r of seedRels.values()) {
    if (r.type !== 'DELIVERS') continue;
    const output = seedNodes.get(r.to);
    if (output?.kind === 'Output') outputTitle.set(r.from, output.props.title);
  }
  for (const [action, title] of outputTitle) {
    const now = stored.get(action);
    if (now && now.properties.output === title) ops.push({ op: 'update', id: action, set: {}, unset: ['output'] });
  }

  // 5. The seed's links the store lacks, where both ends will exist.
  const have = new Set((await storedRels(store, 'graph/relationships-out', [...stored.keys()])).map((r) => String(r.properties.id)));
  const exists = (id: string) => (stored.has(id) && id !== FORMER_ORGANISATION) || seedNodes.has(id);
  for (const [id, r] of seedRels) {
    if (have.has(id) || !exists(r.from) || !exists(r.to)) continue;
    ops.push({ op: 'link', type: r.type, from: r.from, to: r.to, props: r.props, provenance: r.provenance });
  }
  return ops;
}

export const migration: Migration = {
  id: 12,
  name: 'programmes-outputs-objectives',
  async up(store) {
    await upgradeTables(store);
    if ((await countGraph(store)).nodes === 0) return;
    const operations = await programmeUpgradeOperations(store);
    if (operations.length === 0) return;
    await changePipelineFor(store).submit({ operations, reason: 'issue 10: programmes, Lothian & Borders outputs, Glasgow MAPPA progress' }, MIGRATION_ACTOR, { kind: 'seed' });
  },
};
