import { describe, expect, it } from 'vitest';
import type { GraphElements } from '../../model/api.js';
import type { ChangeDiff, NodeHistoryEntry } from '../../model/changes.js';
import { ActionProps, StrategicAimProps } from '../../model/nodes.js';
import { fieldOfIssuePath } from '../../client/edit/problems.js';
import { linkChoices } from '../../client/edit/linkTypes.js';
import { changesBetween, fieldsOf, validateProps, valueFromInput } from '../../client/edit/schemaFields.js';
import { newActionId } from '../../client/edit/createActionForm.js';
import { describeEntry } from '../../client/history/describe.js';
import { describeChange } from '../../client/history/describeChange.js';
import { graphSignature, patchGraph } from '../../client/live/patchGraph.js';

/** The editing UI's pure parts: forms from the zod schemas, link choices, change sentences, the live map patch. */

describe('forms derived from the model schema', () => {
  const action = fieldsOf(ActionProps);
  const byName = new Map(action.map((f) => [f.name, f]));

  it('gives every Action field an input of its type, required as the schema says', () => {
    expect(action.map((f) => f.name)).toEqual(Object.keys(ActionProps.shape));
    expect(byName.get('title')).toMatchObject({ input: 'longText', required: true });
    expect(byName.get('timescale')).toMatchObject({ input: 'text', required: false, hint: 'as printed' });
    expect(byName.get('dueDate')).toMatchObject({ input: 'date', required: false });
    expect(byName.get('leadVague')).toMatchObject({ input: 'yesNo', required: false });
    expect(byName.get('status')?.input).toBe('choice');
    expect(byName.get('status')?.options).toContain('on target');
    expect(fieldsOf(StrategicAimProps).find((f) => f.name === 'number')).toMatchObject({ input: 'integer', required: true });
    expect(fieldsOf(StrategicAimProps).find((f) => f.name === 'keyObjectives')).toMatchObject({ input: 'lines', required: false });
  });

  it('refuses in the browser what the server would, by field: an emptied title, a date that is not one', () => {
    const title = byName.get('title')!;
    const due = byName.get('dueDate')!;
    const props = { ref: '2.5.7', title: valueFromInput(title, '   '), dueDate: valueFromInput(due, '31/08/2008') };
    const result = validateProps(ActionProps, props);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.get('title')).toBe('must not be empty');
      expect(result.errors.get('dueDate')).toBeDefined();
      expect([...result.errors.keys()].sort()).toEqual(['dueDate', 'title']);
    }
    expect(validateProps(ActionProps, { ref: '2.5.7', title: 'Ensure NASSO', dueDate: '2008-08-31' }).ok).toBe(true);
  });

  it('sends only what changed: a new value in set, an emptied optional field in unset, an untouched tick-box not at all', () => {
    const before = { ref: '2.5.7', title: 'Ensure', timescale: 'August 2008', objective: 'All needs' };
    const after = { ref: '2.5.7', title: 'Ensure', timescale: 'March 2009', objective: undefined, leadVague: false };
    expect(changesBetween(before, after, action)).toEqual({ set: { timescale: 'March 2009' }, unset: ['objective'] });
  });

  it('reads a list as one item a line, dropping blank lines', () => {
    const lines = fieldsOf(StrategicAimProps).find((f) => f.name === 'keyObjectives')!;
    expect(valueFromInput(lines, 'one\n\n two \n')).toEqual(['one', 'two']);
    expect(valueFromInput(lines, '\n')).toBeUndefined();
  });
});

describe('server issues point at form fields', () => {
  it.each([
    ['operations.0.set.timescale', 'timescale'],
    ['operations.1.node.props.title', 'title'],
    ['operations.0.progress.period', 'period'],
    ['operations.0.expectedVersion', null],
  ])('%s → %s', (path, field) => expect(fieldOfIssuePath(path)).toBe(field));
});

describe('links the model allows for a pair', () => {
  it('offers an action and a local outcome only SERVES, from the action', () => {
    expect(linkChoices({ id: 'a', kind: 'Action' }, { id: 'o', kind: 'LocalOutcome' }).map((c) => [c.type, c.from, c.to])).toEqual([['SERVES', 'a', 'o']]);
  });
  it('offers an organisation and an action the lead and partner links, from the organisation, whichever end was picked first', () => {
    expect(linkChoices({ id: 'a', kind: 'Action' }, { id: 'org', kind: 'Organisation' }).map((c) => [c.type, c.from])).toEqual([
      ['LEADS', 'org'],
      ['PARTNERS_IN', 'org'],
    ]);
  });
  it('offers nothing between two national outcomes, or a node and itself', () => {
    expect(linkChoices({ id: 'no:1', kind: 'NationalOutcome' }, { id: 'no:2', kind: 'NationalOutcome' })).toEqual([]);
    expect(linkChoices({ id: 'a', kind: 'Action' }, { id: 'a', kind: 'Action' })).toEqual([]);
  });
});

const prov = { source: 'edit', author: 'Jane Doe', at: '2026-03-03T10:00:00Z' } as never;
const names = (id: string) => ({ 'org:mappa': 'MAPPA steering group', 'org:slc': 'South Lanarkshire Council', 'lcja-2008:action:2.5.7': 'LCJA 2008 · 2.5.7 Ensure NASSO' })[id] ?? id;

describe('changes in words', () => {
  it('reads a lead swap as one change of lead, with author, date and reason', () => {
    const entry: NodeHistoryEntry = {
      changeId: 'change:1',
      at: '2026-03-03T10:00:00Z',
      author: 'Jane Doe',
      reason: 'SLC took over',
      origin: { kind: 'edit' },
      action: 'linked',
      fields: [],
      relationships: [
        { type: 'LEADS', from: 'org:mappa', to: 'lcja-2008:action:2.5.7', change: 'removed' },
        { type: 'LEADS', from: 'org:slc', to: 'lcja-2008:action:2.5.7', change: 'added' },
      ],
    };
    expect(describeEntry(entry, 'lcja-2008:action:2.5.7', names)).toBe(
      'Lead changed from MAPPA steering group to South Lanarkshire Council by Jane Doe on 3 March 2026 at 10:00 UTC, because SLC took over',
    );
  });

  it('names each field of a feed entry with its before and after, under the node it belongs to', () => {
    const diff: ChangeDiff = {
      nodes: {
        added: [],
        updated: [{ id: 'lcja-2008:action:2.5.7', kind: 'Action', versionBefore: 1, versionAfter: 2, fields: [{ field: 'timescale', before: 'August 2008', after: 'March 2009' }] }],
        removed: [],
      },
      relationships: { added: [], removed: [] },
    };
    expect(describeChange(diff, names)).toEqual(['LCJA 2008 · 2.5.7 Ensure NASSO: timescale changed from “August 2008” to “March 2009”']);
  });

  it('names created and deleted nodes by their kind in words, not the model name', () => {
    const node = (kind: 'ProgressUpdate' | 'LocalOutcome', id: string, props: Record<string, unknown>) => ({ id, kind, props, provenance: null });
    const diff = {
      nodes: {
        added: [node('ProgressUpdate', 'lcja-2008:progress:2.5.7-q1', { narrative: 'Protocol agreed' })],
        updated: [],
        removed: [node('LocalOutcome', 'lcja-2008:outcome:9', { title: 'Fewer reoffend' })],
      },
      relationships: { added: [], removed: [] },
    } as unknown as ChangeDiff;
    expect(describeChange(diff, names)).toEqual(['Progress update “Protocol agreed” created', 'Local outcome “Fewer reoffend” deleted']);
  });
});

describe('the live patch of the map', () => {
  const graph: GraphElements = {
    nodes: [
      {
        data: {
          id: 'lcja-2008:action:2.5.7',
          kind: 'Action',
          label: 'Ensure NASSO',
          ref: '2.5.7',
          plan: 'plan:lcja-2008',
          planShort: 'LCJA 2008',
          status: 'ongoing',
          yearBand: null,
          dueDate: '2008-08-31',
          leadVague: false,
          orgType: null,
        },
      },
      {
        data: {
          id: 'org:mappa',
          kind: 'Organisation',
          label: 'MAPPA steering group',
          ref: null,
          plan: null,
          planShort: null,
          status: null,
          yearBand: null,
          dueDate: null,
          leadVague: null,
          orgType: 'group',
        },
      },
      {
        data: {
          id: 'org:slc',
          kind: 'Organisation',
          label: 'South Lanarkshire Council',
          ref: null,
          plan: null,
          planShort: null,
          status: null,
          yearBand: null,
          dueDate: null,
          leadVague: null,
          orgType: 'local authority',
        },
      },
    ],
    edges: [{ data: { id: 'org:mappa|LEADS|lcja-2008:action:2.5.7', source: 'org:mappa', target: 'lcja-2008:action:2.5.7', type: 'LEADS', role: 'chair', linkBasis: 'printed in the same row' } }],
  };
  const rel = (from: string) => ({
    id: `${from}|LEADS|lcja-2008:action:2.5.7`,
    type: 'LEADS' as const,
    from,
    to: 'lcja-2008:action:2.5.7',
    props: { linkBasis: 'added by an edit' },
    provenance: prov,
  });

  it('moves the lead edge and the changed fields, and matches what the server would send', () => {
    const diff: ChangeDiff = {
      nodes: {
        added: [],
        updated: [
          {
            id: 'lcja-2008:action:2.5.7',
            kind: 'Action',
            versionBefore: 1,
            versionAfter: 2,
            fields: [
              { field: 'dueDate', before: '2008-08-31', after: '2009-03-31' },
              { field: 'title', before: 'Ensure NASSO', after: 'Implement NASSO' },
            ],
          },
        ],
        removed: [],
      },
      relationships: { added: [rel('org:slc')], removed: [rel('org:mappa')] },
    };
    const patched = patchGraph(graph, diff)!;
    expect(patched.edges.map((e) => [e.data.source, e.data.linkBasis])).toEqual([['org:slc', 'added by an edit']]);
    expect(patched.nodes[0]!.data).toMatchObject({ label: 'Implement NASSO', dueDate: '2009-03-31', ref: '2.5.7' });
    expect(graph.edges[0]!.data.source).toBe('org:mappa');
    // A reload bringing the same graph in another order is recognised as nothing new.
    expect(graphSignature({ nodes: [...patched.nodes].reverse(), edges: patched.edges })).toBe(graphSignature(patched));
    expect(graphSignature(patched)).not.toBe(graphSignature(graph));
  });

  it('drops a removed node with its edges, and leaves a new node to the reload', () => {
    const removed: ChangeDiff = {
      nodes: { added: [], updated: [], removed: [{ id: 'org:mappa', kind: 'Organisation', version: 1, props: {}, provenance: prov }] },
      relationships: { added: [], removed: [] },
    };
    expect(patchGraph(graph, removed)!.edges).toEqual([]);
    const added: ChangeDiff = {
      nodes: { added: [{ id: 'lcja-2008:action:9.9', kind: 'Action', version: 1, props: { ref: '9.9', title: 'New' }, provenance: prov }], updated: [], removed: [] },
      relationships: { added: [], removed: [] },
    };
    expect(patchGraph(graph, added)).toBeNull();
  });
});

describe('a new action id', () => {
  it('follows the seed: plan key, kind, printed reference', () => {
    expect(newActionId('plan:lcja-2008', '2.5.14', 'Anything')).toBe('lcja-2008:action:2.5.14');
    expect(newActionId('plan:lbcja-2011', '', 'Reduce re-offending & harm')).toBe('lbcja-2011:action:reduce-re-offending-and-harm');
  });
});
