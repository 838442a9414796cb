import { Router } from 'express';
import { NodeIdParam, type Neighbour, type NodeDetailResponse } from '../../model/index.js';
import { readNodeHistory } from '../changes/audit.js';
import { storedNodeFlagged } from '../graph/records.js';
import { planIndex, relationshipProvenance, summaryOf } from '../graph/summaries.js';
import type { GraphStore, NodeValue, RelationshipValue } from '../store/port.js';
import { notFound } from './errors.js';
import { parseRequest } from './validateRequest.js';
import { byNumbers } from '../graph/byNumbers.js';

/** GET /api/nodes/:id: every property, the provenance and its history of edits, and the neighbours grouped by relationship. */
export function nodeRoutes(store: GraphStore): Router {
  const router = Router();
  router.get('/nodes/:id', async (req, res) => {
    const { id } = parseRequest(NodeIdParam, { id: req.params.id }, 'path');
    const raw = (await store.read('nodes/get-node', { id }))[0]?.n as NodeValue | undefined;
    if (!raw) throw notFound(`no node with id ${id}`);
    const { node, flagged } = storedNodeFlagged(raw);
    const [outgoing, incoming, plans, history] = await Promise.all([
      store.read('graph/relationships-out', { ids: [id] }),
      store.read('graph/relationships-in', { ids: [id] }),
      planIndex(store),
      readNodeHistory((name, params) => store.read(name, params), id),
    ]);
    const neighbours: Record<string, Neighbour[]> = {};
    const add = (direction: 'out' | 'in', rows: typeof outgoing) => {
      for (const row of rows) {
        const rel = row.r as RelationshipValue;
        const other = row.m as NodeValue;
        const key = `${rel.type} ${direction}`;
        (neighbours[key] ??= []).push({
          ...summaryOf(other, plans),
          relationship: {
            id: String(rel.properties.id),
            type: rel.type as Neighbour['relationship']['type'],
            direction,
            role: (rel.properties.role as string | null) ?? null,
            linkBasis: (rel.properties.linkBasis as string | null) ?? null,
            printedAs: (rel.properties.printedAs as string | null) ?? null,
            provenance: relationshipProvenance(rel),
          },
        });
      }
    };
    add('out', outgoing);
    add('in', incoming);
    for (const list of Object.values(neighbours)) list.sort((a, b) => byNumbers(a.ref ?? a.label, b.ref ?? b.label));
    const body: NodeDetailResponse = {
      node: {
        ...summaryOf(raw, plans),
        version: node.version,
        props: node.props,
        provenance: node.provenance,
        ...(flagged.length ? { flagged } : {}),
      },
      neighbours,
      history,
    };
    res.json(body);
  });
  return router;
}
