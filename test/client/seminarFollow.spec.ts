import { describe, expect, it } from 'vitest';
import { applyFollowedView, followedViewOf, nextFollowStatus, sameFollowedContent, START_FOLLOWING, type FollowStatus } from '../../client/seminar/follow.js';
import { DEFAULT_STATE, type AppState } from '../../client/state/types.js';

const facilitator: AppState = {
  ...DEFAULT_STATE,
  selected: 'action:lcja-2008:2.2.1',
  mode: 'thread',
  gap: null,
  camera: { x: 100, y: 200, w: 1600, h: 900 },
  filters: { ...DEFAULT_STATE.filters, plan: 'plan:lcja-2008' },
  labelScale: 2,
  panel: 'gaps',
};

describe('following the facilitator', () => {
  it('shows the facilitator’s camera, filters, selection and thread, and keeps the participant’s own panel and label size', () => {
    const participant: AppState = { ...DEFAULT_STATE, panel: 'details', labelScale: 1.25, view: 'table' };
    const next = applyFollowedView(participant, followedViewOf(facilitator));
    expect(next.camera).toEqual(facilitator.camera);
    expect(next.filters.plan).toBe('plan:lcja-2008');
    expect(next.selected).toBe('action:lcja-2008:2.2.1');
    expect(next.mode).toBe('thread');
    expect(next.view).toBe('map');
    expect(next.panel).toBe('details');
    expect(next.labelScale).toBe(1.25);
  });

  it('returns the same state when it already shows the view, so the store announces nothing', () => {
    const once = applyFollowedView(DEFAULT_STATE, followedViewOf(facilitator));
    expect(applyFollowedView(once, followedViewOf(facilitator))).toBe(once);
  });

  it('drops a neighbourhood and a matrix cell of the participant’s own', () => {
    const own: AppState = { ...DEFAULT_STATE, neighbourhood: { id: 'x', steps: 2, types: [] }, cell: { row: 'a', col: 'b' } };
    const next = applyFollowedView(own, followedViewOf(facilitator));
    expect(next.neighbourhood).toBeNull();
    expect(next.cell).toBeNull();
  });

  it('never lights a thread with nothing selected', () => {
    const next = applyFollowedView(DEFAULT_STATE, { ...followedViewOf(facilitator), selected: null });
    expect(next.mode).toBe('explore');
  });

  it('tells a changed selection from a camera that only differs by screen shape', () => {
    const a = followedViewOf(facilitator);
    expect(sameFollowedContent(a, { ...a, camera: { x: 100, y: 200, w: 400, h: 860 } })).toBe(true);
    expect(sameFollowedContent(a, { ...a, selected: 'no:9' })).toBe(false);
    expect(sameFollowedContent(a, { ...a, filters: { ...a.filters, plan: null } })).toBe(false);
  });
});

describe('the follow state machine', () => {
  const run = (events: Parameters<typeof nextFollowStatus>[1][], from: FollowStatus = START_FOLLOWING) => events.reduce(nextFollowStatus, from);

  it('starts following, and a move by hand leaves follow mode', () => {
    expect(START_FOLLOWING.mode).toBe('following');
    expect(run([{ type: 'moved-by-hand' }]).mode).toBe('free');
  });

  it('comes back with the participant’s button or the facilitator’s bring-back', () => {
    expect(run([{ type: 'moved-by-hand' }, { type: 'back' }]).mode).toBe('following');
    expect(run([{ type: 'moved-by-hand' }, { type: 'bring-back' }]).mode).toBe('following');
  });

  it('while locked, a move by hand does not leave follow mode', () => {
    const s = run([{ type: 'moved-by-hand' }, { type: 'lock', locked: true }, { type: 'moved-by-hand' }]);
    expect(s).toEqual({ mode: 'following', locked: true });
  });

  it('unlocking keeps following until the participant moves', () => {
    expect(
      run([
        { type: 'lock', locked: true },
        { type: 'lock', locked: false },
      ]),
    ).toEqual({ mode: 'following', locked: false });
    expect(run([{ type: 'lock', locked: true }, { type: 'lock', locked: false }, { type: 'moved-by-hand' }]).mode).toBe('free');
  });

  it('returns the same object when nothing changes', () => {
    expect(nextFollowStatus(START_FOLLOWING, { type: 'back' })).toBe(START_FOLLOWING);
    const free = run([{ type: 'moved-by-hand' }]);
    expect(nextFollowStatus(free, { type: 'moved-by-hand' })).toBe(free);
  });
});
