import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_PROPERTY, NODE_KINDS, RELATIONSHIP_SCHEMAS, RELATIONSHIP_TYPES, type NodeInputDraft } from '../../model/index.js';
import { countGraph, getNode } from '../../server/graph/graphReader.js';
import { GraphWriter } from '../../server/graph/graphWriter.js';
import { ValidationError } from '../../server/graph/validationError.js';
import type { GraphStore, RelationshipValue } from '../../server/store/port.js';
import { sampleNode } from '../fixtures/sampleNodes.js';
import { STORE_FACTORIES } from './storeFactories.js';

// Read from disk: the package's exports do not list its package.json.
const ladybugPackage = JSON.parse(readFileSync(join(dirname(createRequire(import.meta.url).resolve('@ladybugdb/core')), 'package.json'), 'utf8')) as { version: string };

/**
 * The contract every GraphStore adapter must honour, run over each adapter.
 */

const factories = STORE_FACTORIES.map((f) => f());
for (const f of factories.filter((f) => !f.available)) console.log(`[store contract] ${f.name}: ${f.why}`);

describe.each(factories)('GraphStore contract: $name', (factory) => {
  if (!factory.available) {
    it.skip(`skipped: ${factory.why}`, () => undefined);
    return;
  }
  let store: GraphStore;
  let writer: GraphWriter;
  beforeAll(async () => {
    store = await factory.create();
    writer = new GraphWriter(store);
  });
  afterAll(async () => {
    await factory.dispose();
  });

  describe('nodes of every kind', () => {
    it.each(NODE_KINDS)('creates, reads, updates and deletes a %s', async (kind) => {
      const node = sampleNode(kind, `contract:${kind.toLowerCase()}`);
      expect(await writer.apply({ nodes: [node] })).toMatchObject({ created: 1 });

      const stored = await getNode(store, node.id);
      expect(stored).toMatchObject({ kind, id: node.id, version: 1, provenance: node.provenance });
      expect(stored!.props).toEqual(expect.objectContaining(node.props));

      const labelProp = LABEL_PROPERTY[kind];
      const changed = { ...node, props: { ...node.props, [labelProp]: 'A changed wording' } } as NodeInputDraft;
      expect(await writer.apply({ nodes: [changed] })).toMatchObject({ updated: 1 });
      const updated = await getNode(store, node.id);
      expect(updated!.version).toBe(2);
      expect((updated!.props as Record<string, unknown>)[labelProp]).toBe('A changed wording');

      expect(await writer.apply({ deleteNodes: [node.id] })).toMatchObject({ deleted: 1 });
      expect(await getNode(store, node.id)).toBeNull();
    });

    it('keeps integers and floats apart on the way in and out', async () => {
      const funding = sampleNode('Funding', 'contract:funding-amount');
      (funding.props as { amountGbp: number }).amountGbp = 164000.5;
      const event = sampleNode('Event', 'contract:event-delegates');
      await writer.apply({ nodes: [funding, event] });
      expect((await getNode(store, funding.id))!.props).toMatchObject({ amountGbp: 164000.5 });
      const delegates = ((await getNode(store, event.id))!.props as { delegates: number }).delegates;
      expect(delegates).toBe(75);
      expect(Number.isInteger(delegates)).toBe(true);
    });

    it('leaves out a property that an update no longer has', async () => {
      const action = sampleNode('Action', 'contract:action-shrinks');
      await writer.apply({ nodes: [action] });
      const { dueDate: _dropped, ...rest } = action.props as Record<string, unknown>;
      await writer.apply({ nodes: [{ ...action, props: rest } as NodeInputDraft] });
      expect((await getNode(store, action.id))!.props).not.toHaveProperty('dueDate');
    });
  });

  describe('relationships of every type', () => {
    it.each(RELATIONSHIP_TYPES)('creates, reads and deletes a %s', async (type) => {
      const [fromKind, toKind] = RELATIONSHIP_SCHEMAS[type].endpoints[0]!;
      const from = sampleNode(fromKind, `contract:${type.toLowerCase()}:from`);
      const to = sampleNode(toKind, `contract:${type.toLowerCase()}:to`);
      // Every relationship carries its basis (review 10); SERVES and CITES keep the printed wording, the role types the role.
      const props =
        type === 'SERVES' || type === 'CITES'
          ? { linkBasis: 'printed heading', printedAs: 'National Outcome 9' }
          : ['LEADS', 'PARTNERS_IN', 'MEMBER_OF', 'REQUESTS', 'SUPPORTS'].includes(type)
            ? { linkBasis: 'printed in the same row', role: 'MAPPA steering group chair' }
            : { linkBasis: 'printed in the text' };
      const rel = { type, from: from.id, to: to.id, props, provenance: from.provenance };
      expect(await writer.apply({ nodes: [from, to], relationships: [rel] })).toMatchObject({ relationshipsWritten: 1 });

      const rows = await store.read('graph/relationships-between', { from: from.id, to: to.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.type).toBe(type);
      const stored = rows[0]!.r as RelationshipValue;
      expect(stored.properties).toMatchObject({ id: `${from.id}|${type}|${to.id}`, provSource: 'document', ...props });

      await writer.apply({ deleteRelationships: [{ type, from: from.id, to: to.id }] });
      expect(await store.read('graph/relationships-between', { from: from.id, to: to.id })).toHaveLength(0);
    });
  });

  describe('when the same input is written twice', () => {
    it('changes nothing the second time', async () => {
      const plan = sampleNode('Plan', 'contract:idem-plan');
      const action = sampleNode('Action', 'contract:idem-action');
      const changes = {
        nodes: [plan, action],
        relationships: [{ type: 'CONTAINS', from: plan.id, to: action.id, props: { linkBasis: 'printed in the text' }, provenance: plan.provenance }],
      };
      await writer.apply(changes);
      const before = await countGraph(store);
      const again = await writer.apply(changes);
      expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(await countGraph(store)).toEqual(before);
      expect((await getNode(store, action.id))!.version).toBe(1);
    });
  });

  describe('when the input is bad', () => {
    it('refuses a node with a missing field, names the field, and writes nothing', async () => {
      const before = await countGraph(store);
      const good = sampleNode('Plan', 'contract:bad-batch-good');
      const bad = { kind: 'Action', id: 'contract:bad-action', props: { ref: '1' }, provenance: good.provenance };
      const err = await writer.apply({ nodes: [good, bad as never] }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).issues).toContainEqual({ field: 'nodes.1.props.title', reason: expect.any(String) });
      expect(await countGraph(store)).toEqual(before);
    });

    it('refuses an id that is not a stable id', async () => {
      const err = await writer.apply({ nodes: [sampleNode('Plan', 'Has Spaces')] }).catch((e: unknown) => e);
      expect((err as ValidationError).issues[0]!.field).toBe('nodes.0.id');
    });

    it('refuses a relationship between kinds its type does not join', async () => {
      const plan = sampleNode('Plan', 'contract:wrong-ends-plan');
      const org = sampleNode('Organisation', 'contract:wrong-ends-org');
      const err = await writer
        .apply({ nodes: [plan, org], relationships: [{ type: 'LEADS', from: plan.id, to: org.id, props: { linkBasis: 'printed in the same row' }, provenance: plan.provenance }] })
        .catch((e: unknown) => e);
      expect((err as ValidationError).issues[0]).toMatchObject({ field: 'relationships.0.type', reason: 'LEADS cannot join a Plan to a Organisation' });
      expect(await getNode(store, plan.id)).toBeNull();
    });
  });

  describe('when a multi-step write fails part way', () => {
    it('rolls back every step', async () => {
      const before = await countGraph(store);
      const plan = sampleNode('Plan', 'contract:rollback-plan');
      const action = sampleNode('Action', 'contract:rollback-action');
      const err = await writer
        .apply({
          nodes: [plan, action],
          relationships: [
            { type: 'CONTAINS', from: plan.id, to: action.id, props: { linkBasis: 'printed in the text' }, provenance: plan.provenance },
            { type: 'CONTAINS', from: plan.id, to: 'contract:missing', props: { linkBasis: 'printed in the text' }, provenance: plan.provenance },
          ],
        })
        .catch((e: unknown) => e);
      expect((err as ValidationError).issues[0]).toMatchObject({ field: 'relationships.1.to' });
      expect(await getNode(store, plan.id)).toBeNull();
      expect(await getNode(store, action.id)).toBeNull();
      expect(await countGraph(store)).toEqual(before);
    });

    it('refuses to reuse an id for another kind', async () => {
      const plan = sampleNode('Plan', 'contract:one-id');
      await writer.apply({ nodes: [plan] });
      const err = await writer.apply({ nodes: [sampleNode('Action', 'contract:one-id')] }).catch((e: unknown) => e);
      expect((err as ValidationError).issues[0]!.reason).toMatch(/already a Plan/);
    });
  });

  describe('lifecycle', () => {
    it('reports the engine’s own version, not just its name', async () => {
      const version = await store.engineVersion();
      if (store.kind === 'embedded') {
        // LadybugDB's engine version is the version of the npm package that ships it.
        expect(version).toBe(`LadybugDB ${ladybugPackage.version}`);
      } else {
        // The server's agent string, e.g. "Neo4j/5.26.0", and the Bolt protocol it speaks.
        expect(version).toMatch(/^Neo4j Neo4j\/\d+\.\d+\.\d+\S* \(protocol \d+\.\d+\)$/);
      }
    });
  });
});
