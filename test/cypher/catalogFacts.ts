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
  'search/all-nodes': async (rows, read) => {
    // Every node of the graph and nothing else: the same count as the per-kind totals, no system record among them.
    expect(rows).toHaveLength(total(await read('stats/count-nodes')));
    expect(rows.map((r) => node(r).label).filter((l) => !['Plan', 'Organisation', 'Action', 'Milestone', 'ProgressUpdate', 'LocalOutcome', 'Priority', 'StrategicAim', 'FrameworkOutcome', 'NationalOutcome', 'Indicator', 'Event', 'Funding', 'Programme', 'Output'].includes(l))).toEqual([]);
  },
  'search/parents': (rows) => {
    const parentOf = new Map(rows.map((r) => [String(r.id), String(r.parent)]));
    // Lanarkshire 2008-09 line 124: 2.5.7's one milestone, "August 2008".
    expect(parentOf.get('lcja-2008:milestone:2.5.7-1')).toBe('lcja-2008:action:2.5.7');
    // Lines 38-44: 2.1.3's progress is reported for SLC and NLC apart.
    expect(parentOf.get('lcja-2008:progress:2.1.3-slc')).toBe('lcja-2008:action:2.1.3');
    expect(parentOf.get('lcja-2008:progress:2.1.3-nlc')).toBe('lcja-2008:action:2.1.3');
    expect([...parentOf.values()].every((p) => /:action:/.test(p))).toBe(true);
  },
  'graph/plan-names': (rows) => {
    // One plan per source document.
    expect(rows).toHaveLength(5);
    // Lanarkshire 2010 lines 3-4: "LANARKSHIRE COMMUNITY JUSTICE AUTHORITY / QUARTER 2 PROGRESS July - September 2010".
    expect(rows).toContainEqual(expect.objectContaining({ id: 'plan:lcja-2010', body: 'LANARKSHIRE COMMUNITY JUSTICE AUTHORITY', period: 'July - September 2010' }));
  },
  'thread/belongs-to': (rows) => {
    // Lanarkshire 2008-09 line 124: the milestone is printed in 2.5.7's own row.
    expect(rows).toEqual([{ owner: 'lcja-2008:action:2.5.7', rel: 'lcja-2008:action:2.5.7|HAS_MILESTONE|lcja-2008:milestone:2.5.7-1', type: 'HAS_MILESTONE', basis: 'printed in the same row' }]);
  },
  'matrix/organisation-partners-by-target': (rows) => {
    // Printed links only: partners reach national outcomes, aims and NSMO outcomes, never a local outcome.
    expect(rows.every((r) => /^(no|aim|nsmo):/.test(String(r.col)))).toBe(true);
    expect(rows).toContainEqual({ row: 'org:care-commission', col: 'aim:1', action: 'lbcja-2011:action:1.1.1-e' });
  },
  'matrix/actions-with-lead': (rows) => {
    const leads = new Set(rows.map((r) => String(r.id)));
    // Lanarkshire 2008-09 line 122: 2.5.7 prints "MAPPA Steering Group Chair" as its lead.
    expect(leads.has('lcja-2008:action:2.5.7')).toBe(true);
    // Lanarkshire 2010 line 11: action 2 prints only "CJSW", which names no council: no lead.
    expect(leads.has('lcja-2010:action:2')).toBe(false);
  },
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
    expect(rows.map((r) => `${(r.r as { type: string }).type} ${String(r.target)}`)).toEqual(
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
  'gaps/actions-without-timescale-of': async (rows, read) => {
    // Of the two named, only 3.1.2-c (Lothian & Borders line 852, timescale "-") is in the list; 2.5.7 prints
    // "March 2009" (Lanarkshire 2008-09). Its row is the list's own row for it, column for column.
    const list = await read('gaps/actions-without-timescale', { plan: '' });
    expect(rows).toEqual(list.filter((r) => r.id === 'lbcja-2011:action:3.1.2-c'));
    expect(rows).toHaveLength(1);
  },
  'gaps/overdue-actions': (rows) => {
    // Lanarkshire implementation plan 2008-09, line 23: 2.1.3, due September 2008 and reported delayed.
    expect(rows).toContainEqual(expect.objectContaining({ id: 'lcja-2008:action:2.1.3', dueDate: '2008-09-30', status: 'delayed' }));
    expect(rows.filter((r) => !(String(r.dueDate) < '2009-01-01'))).toEqual([]);
  },
  'gaps/overdue-milestones': (rows) => {
    // Lanarkshire implementation plan 2008-09, printed due dates only, as of 2009-01-01: the milestones
    // whose date stands in their own row (2.4.1 line 64, 2.5.7 line 124, 2.5.12 line 185 "July 2008/first
    // meeting", 2.5.13 line 196, 3.4 line 222, 4.1 line 252, 6.2 line 294) of actions not finished.
    // Left out: 2.5.9-1 (line 144), as 2.5.9 is complete (line 151, seed finding of review 10); 6.1-1, as
    // 6.1 prints "complete" (line 287); 2.1.3's, 2.5.1's and 2.5.11's, whose dates are paired with their
    // milestones by position (lines 25-30, 92-97, 170-175: basis "document structure", not printed).
    expect(rows.map((r) => r.id).sort()).toEqual([
      'lcja-2008:milestone:2.4.1-1',
      'lcja-2008:milestone:2.5.12-1',
      'lcja-2008:milestone:2.5.13-1',
      'lcja-2008:milestone:2.5.7-1',
      'lcja-2008:milestone:3.4-1',
      'lcja-2008:milestone:4.1-1',
      'lcja-2008:milestone:6.2-1',
    ]);
    expect(rows.find((r) => r.id === 'lcja-2008:milestone:2.5.12-1')).toMatchObject({ action: '2.5.12', dueDate: '2008-07-31', status: 'delayed' });
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

  // ------------------------------------------------------------ reports (Lanarkshire Q2 progress 2010)
  'reports/plan-actions': (rows) => {
    // The nine action rows of the progress report: lines 9-13 under National Outcome 9 (line 6),
    // line 18 under National Outcome 11 (line 15), lines 23, 26, 27 under National Outcome 15 (line 20).
    expect(rows.map((r) => r.id).sort()).toEqual([
      'lcja-2010:action:1', 'lcja-2010:action:1-b', 'lcja-2010:action:2', 'lcja-2010:action:2-b', 'lcja-2010:action:2-c',
      'lcja-2010:action:3', 'lcja-2010:action:4', 'lcja-2010:action:4-b', 'lcja-2010:action:4-c',
    ]);
    // Line 10: lead "SPS". Line 11: "Monies provided January 2010" says when money came, not a due date (seed finding).
    expect(rows.find((r) => r.id === 'lcja-2010:action:1-b')).toMatchObject({ leadAsPrinted: 'SPS', lineFrom: 10 });
    expect(rows.find((r) => r.id === 'lcja-2010:action:2')).toMatchObject({ dueDate: null, leadAsPrinted: 'CJSW', status: 'on target', lineFrom: 11 });
  },
  'reports/national-outcomes-of': (rows) => {
    // Action 1 (line 9) stands under National Outcome 9 (line 6); action 4-c (line 27) under National Outcome 15 (line 20).
    expect(rows.map((r) => [r.action, r.id, r.number]).sort()).toEqual([
      ['lcja-2010:action:1', 'no:9', 9],
      ['lcja-2010:action:4-c', 'no:15', 15],
    ]);
  },
  'reports/local-outcomes-of': (rows) => {
    // Line 11: action 2's local outcome column.
    expect(rows).toEqual([{ action: 'lcja-2010:action:2', id: 'lcja-2010:local-outcome:2', title: 'Tackle those personal issues which contribute to reoffending' }]);
  },
  'reports/progress-of': (rows) => {
    // Progress report 2010, line 11: action 2 "On target" (July-September 2010); implementation plan 2008-09,
    // line 127: 2.5.7's only note, SLC's ("SLC are currently implementing the NASSO guidance").
    expect(rows.map((r) => [r.action, r.id]).sort()).toEqual([
      ['lcja-2008:action:2.5.7', 'lcja-2008:progress:2.5.7-slc'],
      ['lcja-2010:action:2', 'lcja-2010:progress:2'],
    ]);
    expect(rows.find((r) => r.action === 'lcja-2010:action:2')).toMatchObject({ statusAsPrinted: 'On target', status: 'on target', asOf: '2010-09-30', lineFrom: 11 });
    expect(rows.find((r) => r.action === 'lcja-2008:action:2.5.7')).toMatchObject({ scope: 'SLC', lineFrom: 127 });
    expect(String(rows.find((r) => r.action === 'lcja-2008:action:2.5.7')?.narrative)).toMatch(/^SLC are currently implementing the NASSO guidance/);
  },
  'reports/milestones-of': (rows) => {
    // Implementation plan 2008-09, lines 124-125: 2.5.7's one milestone, "August 2008".
    expect(rows).toEqual([
      expect.objectContaining({ action: 'lcja-2008:action:2.5.7', id: 'lcja-2008:milestone:2.5.7-1', timescale: 'August 2008', dueDate: '2008-08-31', line: 124 }),
    ]);
    expect(String(rows[0]!.text)).toMatch(/^Ensure NASSO fully integrated within MAPPA arrangements/);
  },
  'reports/plan-indicators': (rows) => {
    // Glasgow strategic plan, lines 587-593: five indicators for 2011-12.
    expect(rows).toHaveLength(5);
    expect(rows.find((r) => r.measure === 'Number of new CPOs (NEW)')).toMatchObject({ target: null, actual: '1487', lineFrom: 587 });
    expect(rows.find((r) => r.measure === 'Attendance Rate')).toMatchObject({ target: '75%', actual: '70%', nextTarget: '75%', lineFrom: 593 });
    expect(rows.find((r) => r.measure === '% of CPOs with a Case Management Plan within 20 days')).toMatchObject({ target: '75%', actual: '54%', lineFrom: 590 });
  },
  'reports/actions-beneath': (rows) => {
    // Each action of the 2010 report reaches the National Outcome whose heading it stands under (lines 6, 15, 20).
    const national = rows.filter((r) => String(r.target).startsWith('no:')).map((r) => `${String(r.target)} ${String(r.action)}`).sort();
    expect(national).toEqual([
      'no:11 lcja-2010:action:3',
      'no:15 lcja-2010:action:4', 'no:15 lcja-2010:action:4-b', 'no:15 lcja-2010:action:4-c',
      'no:9 lcja-2010:action:1', 'no:9 lcja-2010:action:1-b', 'no:9 lcja-2010:action:2', 'no:9 lcja-2010:action:2-b', 'no:9 lcja-2010:action:2-c',
    ]);
    // Line 11: action 2 under "Tackle those personal issues which contribute to reoffending".
    expect(rows).toContainEqual({ target: 'lcja-2010:local-outcome:2', action: 'lcja-2010:action:2' });
    expect(rows.every((r) => String(r.action).startsWith('lcja-2010:action:'))).toBe(true);
  },
  'reports/partnership-actions': async (rows, read) => {
    // Every plan's actions, each once with its plan: the 2010 report's nine rows (lines 9-27) among them.
    expect(rows.filter((r) => r.plan === 'plan:lcja-2010').map((r) => r.id).sort()).toEqual((await read('reports/plan-actions', { plan: 'plan:lcja-2010' })).map((r) => r.id).sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  },
  'reports/partnership-indicators': (rows) => {
    // Glasgow strategic plan lines 587-593 print five indicators; no document prints a baseline.
    expect(rows.filter((r) => r.plan === 'plan:gcjsw-2013')).toHaveLength(5);
    expect(rows.find((r) => r.measure === 'Attendance Rate')).toMatchObject({ plan: 'plan:gcjsw-2013', baseline: null, target: '75%', actual: '70%', lineFrom: 593 });
  },
  'reports/actions-by-id': (rows) => {
    // Line 18: action 3, lead "LCJA", progress "On track"; its done items are milestones, with no due date of its own (seed finding).
    expect(rows).toEqual([
      expect.objectContaining({ id: 'lcja-2010:action:3', ref: '3', leadAsPrinted: 'LCJA', status: 'on target', dueDate: null, plan: 'plan:lcja-2010' }),
    ]);
    expect(String(rows[0]!.title)).toMatch(/^Continue to use opportunities to promote the work of LCJA and partners/);
  },

  // ------------------------------------------------------------ the audit log and approvals (system tables)
  'system/audit-last-seq': (rows) => {
    // The seed is loaded through the change pipeline as one change: the first and, on a fresh store, last audit entry.
    expect(rows).toEqual([{ seq: 1 }]);
  },
  'system/audit-feed': (rows) => {
    expect(rows).toHaveLength(1);
    const entry = node(rows[0]!, 'e');
    expect(entry).toMatchObject({ label: 'AuditEntry', properties: { seq: 1, actorId: 'seed', originKind: 'seed' } });
    expect(entry.properties.nodeIds).toEqual(expect.arrayContaining(['lcja-2008:action:2.5.7', 'plan:lcja-2008']));
    expect(String(entry.properties.reason)).toContain('lanarkshire-cja-implementation-plan-2008-09-q2.yaml');
  },
  'changes/scope-of-organisation': (rows) => {
    // What SPS leads: progress report 2010 line 10 (action 1-b, lead "SPS") and implementation plan 2008-09
    // line 221 (3.4, "SPS to produce proposals"), with their milestones and progress; not action 1, led by
    // the MAPPA steering group (line 9).
    const found = rows.map((r) => String(r.id));
    expect(found).toEqual(expect.arrayContaining(['lcja-2010:action:1-b', 'lcja-2010:progress:1-b', 'lcja-2008:action:3.4', 'lcja-2008:milestone:3.4-1']));
    expect(found).not.toContain('lcja-2010:action:1');
    expect(new Set(found).size).toBe(found.length);
  },
  'system/node-history': (rows) => {
    // 2.5.7 has been written once, by the seed; its fields as printed at lines 122-125 of the implementation plan.
    expect(rows).toHaveLength(1);
    const change = node(rows[0]!, 'h');
    expect(change).toMatchObject({ label: 'NodeChange', properties: { nodeId: 'lcja-2008:action:2.5.7', action: 'created', originKind: 'seed', seq: 1 } });
    const fields = JSON.parse(String(change.properties.fields)) as { field: string; before: unknown; after: unknown }[];
    expect(fields).toEqual(expect.arrayContaining([
      { field: 'timescale', before: null, after: 'August 2008' },
      { field: 'leadAsPrinted', before: null, after: 'MAPPA steering group chair' },
    ]));
  },
  'system/pending-by-status': (rows) => {
    // A freshly seeded store holds no change waiting for approval.
    expect(rows).toEqual([]);
  },

  // ------------------------------------------------------------ imports match against these; exports read through these
  'imports/reference-organisation': async (rows, read) => {
    const orgs = rows.map((r) => node(r));
    // Progress report 2010, line 10: "SPS", the Scottish Prison Service; Glasgow strategic plan, line 398: "Victim Support Scotland".
    expect(orgs.find((o) => o.properties.id === 'org:scottish-prison-service')?.properties.aliases).toContain('SPS');
    expect(orgs.map((o) => o.properties.id)).toContain('org:victim-support-scotland');
    expect(orgs.every((o) => o.label === 'Organisation')).toBe(true);
    expect(rows.length).toBe(Number((await read('stats/count-nodes')).find((r) => r.kind === 'Organisation')?.count));
  },
  'imports/reference-national-outcome': (rows) => {
    // Sixteen National Outcomes (NO16 added 2011); Lothian & Borders area plan, line 101: "National Outcome 9 – We live our lives safe from crime, disorder and danger".
    expect(rows.map((r) => Number(node(r).properties.number)).sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(rows.map((r) => node(r)).find((n) => n.properties.id === 'no:9')?.properties.wording).toBe('We live our lives safe from crime, disorder and danger.');
  },
  'imports/reference-strategic-aim': (rows) => {
    // Lothian & Borders area plan, line 195: "3.3 Strategic Aim One: Improve Joint Working Practices"; four aims in all.
    expect(rows.map((r) => Number(node(r).properties.number)).sort()).toEqual([1, 2, 3, 4]);
    expect(rows.map((r) => node(r)).find((n) => n.properties.id === 'aim:1')?.properties.title).toBe('Improve Joint Working Practices');
  },
  'imports/reference-framework-outcome': (rows) => {
    // The NSMO framework: C1-C7, O1-O9, S1-S7; implementation plan 2008-09, line 312: "C1 - Increased community safety ...".
    const codes = rows.map((r) => String(node(r).properties.code));
    expect(codes.sort()).toEqual([
      ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`), ...Array.from({ length: 9 }, (_, i) => `O${i + 1}`), ...Array.from({ length: 7 }, (_, i) => `S${i + 1}`),
    ].sort());
    expect(rows.map((r) => node(r)).find((n) => n.properties.code === 'C1')?.properties.wording).toBe(
      'Increased community safety and public protection through a consistent approach to managing offenders on community and custodial sentences',
    );
  },
  'export/all-nodes': async (rows, read) => {
    const counts = await read('stats/count-nodes');
    const countOf = (kind: string) => Number(counts.find((r) => r.kind === kind)?.count ?? 0);
    expect(rows.length).toBe(countOf('Action') + countOf('NationalOutcome'));
    expect([...new Set(rows.map((r) => node(r).label))].sort()).toEqual(['Action', 'NationalOutcome']);
    // Implementation plan 2008-09, line 122.
    expect(rows.map((r) => node(r)).find((n) => n.properties.id === 'lcja-2008:action:2.5.7')?.properties.title).toBe('Ensure the effective implementation of NASSO.');
  },
  'export/all-relationships': (rows) => {
    // Only links between the kinds asked for; Lothian & Borders area plan line 776 prints 1.1.1's National Outcome in its row.
    expect(rows.filter((r) => !['Action', 'NationalOutcome'].includes(String(r.fromKind)) || !['Action', 'NationalOutcome'].includes(String(r.toKind)))).toEqual([]);
    expect(rows).toContainEqual(expect.objectContaining({ from: 'lbcja-2011:action:1.1.1-a', to: 'no:9', type: 'SERVES' }));
    expect(rows.find((r) => r.from === 'lbcja-2011:action:1.1.1-a' && r.to === 'no:9')?.r).toMatchObject({ properties: { linkBasis: 'printed in the same row', provLineFrom: 776 } });
  },
  'compare/plan-actions': async (rows, read) => {
    // The same nine rows as the report (lines 9-27); action 1 (line 9) prints three key actions and its lead, the MAPPA steering group.
    expect(rows.map((r) => r.id).sort()).toEqual((await read('reports/plan-actions', { plan: 'plan:lcja-2010' })).map((r) => r.id).sort());
    const one = rows.find((r) => r.id === 'lcja-2010:action:1');
    expect(one?.leads).toEqual(['org:mappa-steering-group']);
    expect([...(one?.milestones as string[])].sort()).toEqual([
      'Chief Officer invited to be a member of MAPPAs Strategic Oversight Meeting',
      'MAPPAs Annual report for 2009/10 presented to LCJA Board',
      'MAPPAs performance update to be provided regularly',
    ]);
    expect(rows.find((r) => r.id === 'lcja-2010:action:1-b')?.leads).toEqual(['org:scottish-prison-service']);
  },
  'compare/plan-outcome-coverage': (rows) => {
    // Progress report 2010: five action rows under National Outcome 9 (line 6, rows 9-13), one under 11 (line 15, row 18),
    // three under 15 (line 20, rows 23, 26, 27).
    expect(rows.map((r) => [r.outcome, Number(r.actions)]).sort()).toEqual([
      ['no:11', 1],
      ['no:15', 3],
      ['no:9', 5],
    ]);
  },
  // issue-16: the templates shipped as saved analyses.
  'analyses/actions-under-outcome-without-lead': (rows) => {
    // Lanarkshire Q2 2010 line 12: action 2 prints its lead as "CJSW", which names no one body, so no LEADS link; it serves NO9.
    const row = rows.find((r) => idOf(r, 'action') === 'lcja-2010:action:2');
    expect(row?.leadAsPrinted).toBe('CJSW');
    expect(rows.map((r) => node(r, 'action').label).filter((l) => l !== 'Action')).toEqual([]);
  },
  'analyses/organisations-partnering-not-leading': (rows) => {
    // Lanarkshire Q2 2010 lines 13, 18, 26: NLC partners in actions 2-c, 3 and 4-b and leads none; nobody else partners in more than two and leads nothing.
    expect(rows.map((r) => [idOf(r, 'organisation'), Number(r.partnerIn)])).toEqual([['org:north-lanarkshire-council', 3]]);
  },
  'analyses/outcomes-by-plan': (rows) => {
    // The Lothian & Borders plan serves all four strategic aims, and NO9 ("safe from crime, disorder and danger") most of all.
    expect(idOf(rows[0]!, 'outcome')).toBe('no:9');
    expect(ids(rows, 'outcome').filter((id) => id.startsWith('aim:')).sort()).toEqual(['aim:1', 'aim:2', 'aim:3', 'aim:4']);
  },
  'analyses/actions-serving-outcome-but-no-aim': (rows) => {
    // L&B line 784: 1.2.1-a serves NO9, NO11 and NO15 and its local outcome 1.2, which reaches no aim.
    expect(ids(rows, 'action')).toContain('lbcja-2011:action:1.2.1-a');
    expect(ids(rows, 'action').every((id) => id.startsWith('lbcja-2011:action:'))).toBe(true);
  },

  // ------------------------------------------------------------ live seminars: the seed holds none (test/seminars/ runs these on real ones)
  ...Object.fromEntries(
    ['participants-of', 'proposals-of', 'rounds-of', 'votes-of', 'events-after', 'by-code', 'participant-by-token'].map((q) => [`seminars/${q}`, (rows: Row[]) => expect(rows).toEqual([])]),
  ),
  'seminars/changes-of': (rows) => {
    // The seed's load is an audit entry of origin seed, never a seminar's.
    expect(rows).toEqual([]);
  },
  'seminars/last-event-seq': (rows) => {
    expect(rows).toEqual([{ seq: null }]);
  },
};
