import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparePlans, type PlanComparison } from '../../server/compare/comparePlans.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';

/**
 * Lanarkshire's 2008-09 implementation plan against its 2010 progress report, on the
 * seeded store. The themes the 2010 report carries over are worked out from the two
 * documents: MAPPA arrangements (2008-09 2.5.7 "Ensure NASSO fully integrated within
 * MAPPA arrangements" -> 2010 action 1, MAPPAs), substance misuse (2.5.1 -> 2010
 * action 2, "Reduce and stabilise substance misuse") and staff training (2.5.9, whose
 * milestone is "Training and development of staff highlights victim awareness" -> 2010
 * action 4, "Be responsive to training needs", staff learning and development).
 * 2008-09's 4.1 "joint training between agencies" is reported dropped: its words
 * match action 4 less well than 2.5.9's do, and each action continues at most once.
 */

describe('comparing Lanarkshire 2008-09 with 2010', () => {
  let dir: string;
  let store: LadybugStore;
  let result: PlanComparison;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gt-compare-'));
    store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
    await store.open();
    await loadSeed(store);
    result = await comparePlans(store, 'plan:lcja-2008', 'plan:lcja-2010');
    console.log(`[compare] continued: ${result.continued.map((c) => `${c.from} -> ${c.to} (${c.score}${c.leadChanged ? ', lead changed' : ''})`).join('; ')}`);
    console.log(`[compare] dropped: ${result.dropped.map((d) => d.id).join(', ')}`);
    console.log(`[compare] new: ${result.added.map((d) => d.id).join(', ')}`);
    console.log(`[compare] coverage: ${result.coverage.map((c) => `NO ${c.number} ${c.before}->${c.after} ${c.change}`).join('; ')}`);
  }, 180_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const continuedInto = (to: string) => result.continued.find((c) => c.to === to);

  it('shows MAPPA arrangements, substance misuse and staff training as continued, each with its score', () => {
    expect(continuedInto('lcja-2010:action:1')?.from).toBe('lcja-2008:action:2.5.7');
    expect(continuedInto('lcja-2010:action:2')?.from).toBe('lcja-2008:action:2.5.1');
    expect(continuedInto('lcja-2010:action:4')?.from).toBe('lcja-2008:action:2.5.9');
    for (const c of result.continued) {
      expect(c.score).toBeGreaterThanOrEqual(0.12);
      expect(c.basis).toBe('text');
    }
  });

  it('accounts for every action of both plans exactly once', () => {
    const a = [...result.continued.map((c) => c.from), ...result.dropped.map((d) => d.id)];
    const b = [...result.continued.map((c) => c.to), ...result.added.map((d) => d.id)];
    expect(new Set(a).size).toBe(a.length);
    expect(a).toHaveLength(12);
    expect(new Set(b).size).toBe(b.length);
    expect(b).toHaveLength(9);
    expect(result.added.length).toBeGreaterThan(0);
    expect(result.dropped.length).toBeGreaterThan(0);
  });

  it('says which national outcomes gained or lost actions', () => {
    // 2010 files every action under National Outcome 9, 11 or 15 by its heading.
    const after = Object.fromEntries(result.coverage.map((c) => [c.number, c.after]));
    expect(after).toMatchObject({ 9: 5, 11: 1, 15: 3 });
    for (const c of result.coverage) expect(c.change).toBe(c.after > c.before ? 'gained' : c.after < c.before ? 'lost' : 'same');
  });

  it('matches by printed reference first when both plans print the same one', async () => {
    const self = await comparePlans(store, 'plan:lcja-2010', 'plan:lcja-2010');
    expect(self.continued).toHaveLength(9);
    expect(self.continued.every((c) => c.from === c.to && c.basis === 'reference')).toBe(true);
    expect(self.dropped).toEqual([]);
    expect(self.added).toEqual([]);
  });
});
