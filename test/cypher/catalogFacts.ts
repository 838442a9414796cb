import { expect } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../model/index.js';
import type { NodeValue, Params, Row } from '../../server/store/port.js';

/**
 * One fact per catalogued read query that its example must show on the seed data,
 * taken from the source documents (the line is named where it matters) or from another
 * query that must agree with it. A query that returns the wrong rows, or rows of the
 * wrong shape, fails here; "an array came back" is not a test.
 *
 * These are spot facts, not full row sets: the exact rows of every query wait for the
 * seed corrections on another branch (issue 17, item 1).
 */

export type Read = (name: string, params?: Params) => Promise<Row[]>;
type Fact = (rows: Row[], read: Read) => Promise<void> | void;

const node = (row: Row, column = 'n') => row[column] as NodeValue;
const idOf = (row: Row, column = 'n') => String(node(row, column).properties.id);
const ids = (rows: Row[], column = 'n') => rows.map((r) => idOf(r, column));
const total = (rows: Row[]) => rows.reduce((sum, r) => sum + Number(r.count), 0);
const TARGET_KINDS = ['NationalOutcome', 'StrategicAim', 'FrameworkOutcome', 'LocalOutcome', 'Priority'];

export const SEED_FACTS: Record<string, Fact> = {
  'nodes/get-node': (rows) => {
    // Lanarkshire implementation plan 2008-09, line 122.
    expect(rows).toHaveLength(1);
    expect(node(rows[0]!)).toMatchObject({ label: 'Action', properties: { ref: '2.5.7', title: 'Ensure the effective implementation of NASSO.' } });
  },
  'stats/count-nodes': (rows) => {
    // Five source documents, one plan each.
    expect(rows).toContainEqual({ kind: 'Plan', count: 5 });
    expect(new Set(rows.map((r) => r.kind)).size).toBe(rows.length);
  },
  'stats/count-relationships': (rows) => {
    expect(rows.map((r) => r.type).filter((t) => !RELATIONSHIP_TYPES.includes(t as never))).toEqual([]);
    expect(rows.map((r) => r.type)).toEqual(expect.arrayContaining(['CONTAINS', 'SERVES', 'LEADS']));
    expect(rows.every((r) => Number(r.count) > 0)).toBe(true);
  },
  'search/find-nodes': (rows) => {
    // Glasgow strategic plan, line 398: "Victim Support Scotland".
    expect(ids(rows)).toContain('org:victim-support-scotland');
  },
  'search/find-organisations-by-alias': (rows) => {
    expect(ids(rows)).toEqual(['org:scottish-prison-service']);
  },
  'search/find-actions-by-reference': (rows) => {
    expect(ids(rows)).toContain('lcja-2008:action:2.5.7');
    expect(rows.map((r) => String(node(r).properties.ref)).filter((ref) => !ref.startsWith('2.5'))).toEqual([]);
  },
  'graph/nodes-by-id': (rows) => {
    expect(ids(rows).sort()).toEqual(['aim:1', 'no:9']);
  },
  'graph/plan-membership': async (rows, read) => {
    expect(rows).toContainEqual({ plan: 'plan:lcja-2008', id: 'lcja-2008:action:2.5.7' });
    expect(rows).toContainEqual({ plan: 'plan:lcja-2008', id: 'lcja-2008:milestone:2.5.7-1' });
    const plans = await read('graph/nodes-by-id', { ids: [...new Set(rows.map((r) => String(r.plan)))] });
    expect(plans.map((r) => node(r).label)).toEqual(Array(5).fill('Plan'));
  },
  'graph/plan-of': (rows) => {
    expect(rows.map((r) => [r.id, r.plan]).sort()).toEqual([
      ['lcja-2008:action:2.5.7', 'plan:lcja-2008'],
      ['lcja-2008:milestone:2.5.7-1', 'plan:lcja-2008'],
    ]);
  },
  'graph/node-summaries': (rows) => {
    expect(rows.map((r) => r.id).sort()).toEqual(['lcja-2008:action:2.5.7', 'no:9']);
    expect(rows.find((r) => r.id === 'lcja-2008:action:2.5.7')).toMatchObject({ kind: 'Action', ref: '2.5.7', status: 'ongoing' });
    expect(rows.find((r) => r.id === 'no:9')).toMatchObject({ kind: 'NationalOutcome' });
  },
  'graph/all-node-summaries': async (rows, read) => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.length).toBe(total(await read('stats/count-nodes')));
  },
  'graph/all-relationships': async (rows, read) => {
    expect(rows).toContainEqual(expect.objectContaining({ id: 'plan:lcja-2008|CONTAINS|lcja-2008:action:2.5.7', type: 'CONTAINS' }));
    expect(rows.length).toBe(total(await read('stats/count-relationships')));
  },
  'graph/relationships-out': (rows) => {
    expect(rows.every((r) => r.source === 'lcja-2008:action:2.5.7')).toBe(true);
    expect(rows.map((r) => `${(r.r as { type: string }).type} ${r.target}`)).toEqual(
      expect.arrayContaining(['HAS_MILESTONE lcja-2008:milestone:2.5.7-1', 'SERVES lcja-2008:local-outcome:accommodation']),
    );
  },
  'graph/relationships-in': (rows) => {
    expect(rows.every((r) => r.target === 'no:9')).toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ source: 'lcja-2010:action:1', target: 'no:9' }));
  },
  'graph/relationships-between': (rows) => {
    expect(rows.map((r) => r.type)).toEqual(['CONTAINS']);
  },
  'thread/up': (rows) => {
    const paths = rows.map((r) => r.nodes as string[]);
    expect(paths.every((p) => p[0] === 'lcja-2008:action:2.5.7')).toBe(true);
    expect(paths).toContainEqual(['lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:accommodation']);
  },
  'thread/down': (rows) => {
    const paths = rows.map((r) => r.nodes as string[]);
    expect(paths.every((p) => p.at(-1) === 'no:9')).toBe(true);
    expect(paths).toContainEqual(['lcja-2010:action:1', 'no:9']);
  },
  'thread/leads': (rows) => {
    expect(rows).toContainEqual(expect.objectContaining({ action: 'lcja-2010:action:1', organisation: 'org:mappa-steering-group' }));
    expect(rows.every((r) => ['lcja-2010:action:1', 'lcja-2008:action:2.5.7'].includes(String(r.action)))).toBe(true);
  },
  'gaps/unserved-outcomes': (rows) => {
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => node(r, 't').label).filter((k) => !TARGET_KINDS.includes(k))).toEqual([]);
  },
  'gaps/actions-without-national-link': (rows) => {
    expect(rows.every((r) => r.plan === 'plan:lbcja-2011')).toBe(true);
    expect(rows.map((r) => r.id)).toContain('lbcja-2011:action:3.1.2-c');
  },
  'gaps/actions-without-lead': (rows) => {
    // Both are led by the MAPPA steering group (implementation plan 2008-09; progress report 2010).
    expect(rows.map((r) => r.id)).not.toContain('lcja-2008:action:2.5.7');
    expect(rows.map((r) => r.id)).not.toContain('lcja-2010:action:1');
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  },
  'gaps/actions-without-timescale': (rows) => {
    // Lothian & Borders area plan, line 852: "Use of community centres and colleges", its timescale columns "-".
    expect(rows).toContainEqual(expect.objectContaining({ id: 'lbcja-2011:action:3.1.2-c', title: 'Use of community centres and colleges', timescale: null }));
    expect(rows.filter((r) => r.timescale !== null || r.dueDate !== null)).toEqual([]);
  },
  'gaps/overdue-actions': (rows) => {
    // Lanarkshire implementation plan 2008-09, line 23: 2.1.3, due September 2008 and reported delayed.
    expect(rows).toContainEqual(expect.objectContaining({ id: 'lcja-2008:action:2.1.3', dueDate: '2008-09-30', status: 'delayed' }));
    expect(rows.filter((r) => !(String(r.dueDate) < '2009-01-01'))).toEqual([]);
  },
  'gaps/overdue-milestones': (rows) => {
    expect(rows.map((r) => r.id)).toContain('lcja-2008:milestone:2.1.3-2');
    expect(rows.filter((r) => r.plan !== 'plan:lcja-2008' || !(String(r.dueDate) < '2009-01-01'))).toEqual([]);
  },
  'gaps/organisations-per-outcome': (rows) => {
    expect(rows).toContainEqual(expect.objectContaining({ target: 'no:9', organisation: 'org:mappa-steering-group', action: 'lcja-2010:action:1' }));
  },
  'gaps/action-texts': (rows) => {
    expect(rows).toContainEqual(expect.objectContaining({ id: 'lcja-2008:action:2.5.7', title: 'Ensure the effective implementation of NASSO.' }));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  },
  'gaps/organisation-load': (rows) => {
    const mappa = rows.find((r) => r.id === 'org:mappa-steering-group');
    expect(Number(mappa?.leads)).toBeGreaterThanOrEqual(2);
  },
  'gaps/organisations-leading-nothing': (rows) => {
    expect(rows.map((r) => r.id)).not.toContain('org:mappa-steering-group');
    expect(rows.filter((r) => !(Number(r.appearances) >= 1))).toEqual([]);
  },
  'matrix/organisation-by-target': (rows) => {
    expect(rows).toContainEqual({ row: 'org:mappa-steering-group', col: 'no:9', action: 'lcja-2010:action:1' });
  },
  'matrix/plan-by-target': (rows) => {
    expect(rows).toContainEqual({ row: 'plan:lcja-2010', col: 'no:9', action: 'lcja-2010:action:1' });
  },
  'matrix/axis-nodes': (rows) => {
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['no:9', 'aim:1', 'nsmo:O2', 'plan:lcja-2008', 'org:mappa-steering-group']));
  },
};
