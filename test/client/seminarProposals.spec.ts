import { describe, expect, it } from 'vitest';
import { indexGraph } from '../../client/graph/index.js';
import { buildProposal } from '../../client/seminar/proposals.js';
import { ChangeOperation } from '../../model/changes.js';
import { ProposeMessage } from '../../model/seminars.js';
import { L, sampleGraph } from './fixtures.js';

const index = indexGraph(sampleGraph());
const NASSO = 'lcja-2008:action:2.5.7';

/** Every proposal the form builds must be one the server's schema accepts. */
function accepted(b: ReturnType<typeof buildProposal>) {
  if (!b.ok) throw new Error(`refused: ${b.field} ${b.reason}`);
  const parsed = ProposeMessage.safeParse(b.message);
  if (!parsed.success) throw new Error(`the protocol refuses it: ${JSON.stringify(parsed.error.issues)}`);
  return parsed.data;
}

describe('a proposal as the change pipeline’s operations', () => {
  it('a new link is a SERVES link carrying the rationale', () => {
    const m = accepted(buildProposal({ kind: 'link', from: NASSO, to: 'no:9', rationale: ' Public protection: MAPPA ' }, index));
    expect(m.kind).toBe('link');
    expect(m.operations).toEqual([{ op: 'link', type: 'SERVES', from: NASSO, to: 'no:9', props: { rationale: 'Public protection: MAPPA' } }]);
  });

  it('refuses a link the model does not allow, one already drawn, and one without a rationale', () => {
    expect(buildProposal({ kind: 'link', from: 'no:9', to: NASSO, rationale: 'x' }, index)).toMatchObject({ ok: false, field: 'to' });
    expect(buildProposal({ kind: 'link', from: NASSO, to: 'lcja-2008:local-outcome:accommodation', rationale: 'x' }, index)).toMatchObject({ ok: false, reason: 'that link is already on the map' });
    expect(buildProposal({ kind: 'link', from: NASSO, to: 'no:9', rationale: '  ' }, index)).toMatchObject({ ok: false, field: 'rationale' });
    expect(buildProposal({ kind: 'link', from: '', to: 'no:9', rationale: 'x' }, index)).toMatchObject({ ok: false, field: 'from' });
  });

  it('a new action is created in its plan, and linked to what it serves', () => {
    const m = accepted(buildProposal({ kind: 'action', plan: L, title: 'Joint housing protocol', serves: 'nsmo:O2' }, index, () => 'action:seminar-abc12345'));
    expect(m.operations).toEqual([
      { op: 'create', node: { kind: 'Action', id: 'action:seminar-abc12345', props: { ref: '', title: 'Joint housing protocol' } } },
      { op: 'link', type: 'CONTAINS', from: L, to: 'action:seminar-abc12345', props: {} },
      { op: 'link', type: 'SERVES', from: 'action:seminar-abc12345', to: 'nsmo:O2', props: { rationale: 'proposed with the new action “Joint housing protocol”' } },
    ]);
    // Each operation passes the pipeline's own schema.
    for (const op of m.operations) expect(ChangeOperation.safeParse(op).success).toBe(true);
  });

  it('a change of lead unlinks the old lead and links the new one', () => {
    const m = accepted(buildProposal({ kind: 'lead', action: NASSO, lead: 'org:sacro', why: 'Sacro chairs it now' }, index));
    expect(m.operations).toEqual([
      { op: 'unlink', type: 'LEADS', from: 'org:mappa-steering-group', to: NASSO },
      { op: 'link', type: 'LEADS', from: 'org:sacro', to: NASSO, props: {} },
    ]);
    expect(buildProposal({ kind: 'lead', action: NASSO, lead: 'org:mappa-steering-group', why: 'x' }, index)).toMatchObject({ ok: false, field: 'lead' });
    expect(buildProposal({ kind: 'lead', action: 'no:9', lead: 'org:sacro', why: 'x' }, index)).toMatchObject({ ok: false, field: 'action' });
  });

  it('a correction updates one field a room can read, and only such a field', () => {
    const m = accepted(buildProposal({ kind: 'correction', node: NASSO, field: 'timescale', value: 'March 2009', why: 'as minuted' }, index));
    expect(m.operations).toEqual([{ op: 'update', id: NASSO, set: { timescale: 'March 2009' }, unset: [] }]);
    expect(buildProposal({ kind: 'correction', node: NASSO, field: 'status', value: 'complete', why: 'x' }, index)).toMatchObject({ ok: false, field: 'field' });
  });

  it('a comment has no operations and names its node', () => {
    const m = accepted(buildProposal({ kind: 'comment', node: 'no:9', text: 'Who reports on this?' }, index));
    expect(m).toMatchObject({ kind: 'comment', operations: [], nodeId: 'no:9', comment: 'Who reports on this?' });
    expect(buildProposal({ kind: 'comment', node: 'nowhere', text: 'x' }, index)).toMatchObject({ ok: false, field: 'node' });
  });
});
