import { z } from 'zod';
import { NodeId, basesOfClass } from '../../model/index.js';

/**
 * Every named read query the API runs, with the zod schema of its parameters and
 * parameters that run on the seed data, as data. Tests execute each entry against
 * LadybugDB and lint its Neo4j text; a query file with no entry here is one no test
 * runs. (The generated write queries under nodes/ and relationships/ are exercised by
 * the store contract suite.)
 */

export type CatalogEntry = {
  name: string;
  params: z.ZodType;
  example: Record<string, unknown>;
  /** True when the example must return at least one row on the seed data. */
  expectsRows: boolean;
};

const none = z.object({}).strict();
const plan = z.object({ plan: z.union([z.literal(''), NodeId]) }).strict();
const planAsOf = z.object({ plan: z.union([z.literal(''), NodeId]), asOf: z.iso.date(), bases: z.array(z.string()) }).strict();
/** The basis values a gap or matrix query counts ($bases); the examples count only printed links. */
const bases = z.array(z.string());
const planBases = z.object({ plan: z.union([z.literal(''), NodeId]), bases }).strict();
const PRINTED = basesOfClass('printed');
const ids = z.object({ ids: z.array(NodeId) }).strict();
const id = z.object({ id: NodeId }).strict();
/** A row cap, for the system feeds (audit, node history, approval queue). */
const cap = z.int().min(1).max(10_000);

export const QUERY_CATALOG: CatalogEntry[] = [
  { name: 'nodes/get-node', params: id, example: { id: 'lcja-2008:action:2.5.7' }, expectsRows: true },
  { name: 'stats/count-nodes', params: none, example: {}, expectsRows: true },
  { name: 'stats/count-relationships', params: none, example: {}, expectsRows: true },
  { name: 'search/all-nodes', params: none, example: {}, expectsRows: true },
  { name: 'search/parents', params: none, example: {}, expectsRows: true },
  { name: 'graph/nodes-by-id', params: ids, example: { ids: ['no:9', 'aim:1'] }, expectsRows: true },
  { name: 'graph/plan-names', params: none, example: {}, expectsRows: true },
  { name: 'graph/plan-membership', params: none, example: {}, expectsRows: true },
  { name: 'graph/plan-of', params: ids, example: { ids: ['lcja-2008:action:2.5.7', 'lcja-2008:milestone:2.5.7-1'] }, expectsRows: true },
  { name: 'graph/node-summaries', params: ids, example: { ids: ['no:9', 'lcja-2008:action:2.5.7'] }, expectsRows: true },
  { name: 'graph/all-node-summaries', params: none, example: {}, expectsRows: true },
  { name: 'graph/all-relationships', params: none, example: {}, expectsRows: true },
  { name: 'graph/relationships-out', params: ids, example: { ids: ['lcja-2008:action:2.5.7'] }, expectsRows: true },
  { name: 'graph/relationships-in', params: ids, example: { ids: ['no:9'] }, expectsRows: true },
  { name: 'graph/relationships-between', params: z.object({ from: NodeId, to: NodeId }).strict(), example: { from: 'plan:lcja-2008', to: 'lcja-2008:action:2.5.7' }, expectsRows: true },
  { name: 'thread/up', params: id, example: { id: 'lcja-2008:action:2.5.7' }, expectsRows: true },
  { name: 'thread/down', params: id, example: { id: 'no:9' }, expectsRows: true },
  { name: 'thread/belongs-to', params: id, example: { id: 'lcja-2008:milestone:2.5.7-1' }, expectsRows: true },
  { name: 'thread/leads', params: ids, example: { ids: ['lcja-2010:action:1', 'lcja-2008:action:2.5.7'] }, expectsRows: true },
  { name: 'gaps/unserved-outcomes', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/actions-without-national-link', params: planBases, example: { plan: 'plan:lbcja-2011', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/actions-without-lead', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/actions-without-timescale', params: plan, example: { plan: '' }, expectsRows: true },
  {
    name: 'gaps/actions-without-timescale-of',
    params: z.object({ plan: z.union([z.literal(''), NodeId]), ids: z.array(NodeId) }).strict(),
    example: { plan: '', ids: ['lbcja-2011:action:3.1.2-c', 'lcja-2008:action:2.5.7'] },
    expectsRows: true,
  },
  { name: 'gaps/overdue-actions', params: planAsOf, example: { plan: '', asOf: '2009-01-01', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/overdue-milestones', params: planAsOf, example: { plan: 'plan:lcja-2008', asOf: '2009-01-01', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/organisations-per-outcome', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/action-texts', params: plan, example: { plan: '' }, expectsRows: true },
  { name: 'gaps/organisation-load', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'gaps/organisations-leading-nothing', params: z.object({ bases }).strict(), example: { bases: PRINTED }, expectsRows: true },
  { name: 'matrix/organisation-by-target', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'matrix/organisation-partners-by-target', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'matrix/actions-with-lead', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'matrix/plan-by-target', params: planBases, example: { plan: '', bases: PRINTED }, expectsRows: true },
  { name: 'matrix/axis-nodes', params: none, example: {}, expectsRows: true },
  { name: 'reports/plan-actions', params: z.object({ plan: NodeId }).strict(), example: { plan: 'plan:lcja-2010' }, expectsRows: true },
  { name: 'reports/national-outcomes-of', params: ids, example: { ids: ['lcja-2010:action:1', 'lcja-2010:action:4-c'] }, expectsRows: true },
  { name: 'reports/local-outcomes-of', params: ids, example: { ids: ['lcja-2010:action:2'] }, expectsRows: true },
  { name: 'reports/progress-of', params: ids, example: { ids: ['lcja-2010:action:2', 'lcja-2008:action:2.5.7'] }, expectsRows: true },
  { name: 'reports/milestones-of', params: ids, example: { ids: ['lcja-2008:action:2.5.7'] }, expectsRows: true },
  { name: 'reports/plan-indicators', params: z.object({ plan: NodeId }).strict(), example: { plan: 'plan:gcjsw-2013' }, expectsRows: true },
  { name: 'reports/actions-beneath', params: plan, example: { plan: 'plan:lcja-2010' }, expectsRows: true },
  { name: 'reports/actions-by-id', params: ids, example: { ids: ['lcja-2010:action:3'] }, expectsRows: true },
  { name: 'reports/partnership-actions', params: none, example: {}, expectsRows: true },
  { name: 'reports/partnership-indicators', params: none, example: {}, expectsRows: true },
  // The audit log and the approval queue (system tables; the seed's own load is the first audit entry).
  { name: 'system/audit-last-seq', params: none, example: {}, expectsRows: true },
  {
    name: 'system/audit-feed',
    params: z.object({ node: z.string(), author: z.string(), plan: z.string(), since: z.string(), until: z.string(), before: z.int().min(0), cap }).strict(),
    example: { node: 'lcja-2008:action:2.5.7', author: 'seed', plan: '', since: '', until: '', before: 0, cap: 20 },
    expectsRows: true,
  },
  { name: 'changes/scope-of-organisation', params: z.object({ org: NodeId }).strict(), example: { org: 'org:scottish-prison-service' }, expectsRows: true },
  { name: 'system/node-history', params: z.object({ id: NodeId, cap }).strict(), example: { id: 'lcja-2008:action:2.5.7', cap: 100 }, expectsRows: true },
  { name: 'system/pending-by-status', params: z.object({ status: z.enum(['pending', 'approved', 'rejected']), cap }).strict(), example: { status: 'pending', cap: 20 }, expectsRows: false },
  // Imports match rows against these; exports read the whole domain graph through the last two.
  { name: 'imports/reference-organisation', params: none, example: {}, expectsRows: true },
  { name: 'imports/reference-national-outcome', params: none, example: {}, expectsRows: true },
  { name: 'imports/reference-strategic-aim', params: none, example: {}, expectsRows: true },
  { name: 'imports/reference-framework-outcome', params: none, example: {}, expectsRows: true },
  { name: 'export/all-nodes', params: z.object({ kinds: z.array(z.string().min(1)) }).strict(), example: { kinds: ['Action', 'NationalOutcome'] }, expectsRows: true },
  { name: 'export/all-relationships', params: z.object({ kinds: z.array(z.string().min(1)) }).strict(), example: { kinds: ['Action', 'NationalOutcome'] }, expectsRows: true },
  { name: 'compare/plan-actions', params: z.object({ plan: NodeId }).strict(), example: { plan: 'plan:lcja-2010' }, expectsRows: true },
  { name: 'compare/plan-outcome-coverage', params: z.object({ plan: NodeId }).strict(), example: { plan: 'plan:lcja-2010' }, expectsRows: true },
  // issue-16: the templates shipped as saved analyses (server/analyses/templates.ts); '' means any.
  { name: 'analyses/actions-under-outcome-without-lead', params: z.object({ plan: z.string(), outcome: z.string() }).strict(), example: { plan: '', outcome: 'no:9' }, expectsRows: true },
  { name: 'analyses/organisations-partnering-not-leading', params: z.object({ moreThan: z.string() }).strict(), example: { moreThan: '2' }, expectsRows: true },
  { name: 'analyses/outcomes-by-plan', params: plan, example: { plan: 'plan:lbcja-2011' }, expectsRows: true },
  {
    name: 'analyses/actions-serving-outcome-but-no-aim',
    params: z.object({ plan: z.string(), outcome: z.string() }).strict(),
    example: { plan: 'plan:lbcja-2011', outcome: 'no:9' },
    expectsRows: true,
  },
  // Live seminars (system tables; the seed holds none, test/seminars/ runs them on real seminars).
  ...(['participants-of', 'proposals-of', 'rounds-of', 'votes-of', 'changes-of', 'last-event-seq'] as const).map((q) => ({
    name: `seminars/${q}`,
    params: z.object({ seminarId: z.string().min(1) }).strict(),
    example: { seminarId: 'seminar:00000000-0000-0000-0000-000000000000' },
    expectsRows: q === 'last-event-seq',
  })),
  {
    name: 'seminars/events-after',
    params: z.object({ seminarId: z.string().min(1), after: z.int().min(0), cap }).strict(),
    example: { seminarId: 'seminar:00000000-0000-0000-0000-000000000000', after: 0, cap: 100 },
    expectsRows: false,
  },
  { name: 'seminars/by-code', params: z.object({ code: z.string().min(1) }).strict(), example: { code: 'ABC234' }, expectsRows: false },
  { name: 'seminars/participant-by-token', params: z.object({ tokenHash: z.string().min(1) }).strict(), example: { tokenHash: '0'.repeat(64) }, expectsRows: false },
];
