import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../server/seminars/rateLimit.js';
import { roundRanking } from '../../server/seminars/ranking.js';

describe('the per-client token bucket', () => {
  it('lets a burst through, refuses the next, and refills at the sustained rate', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([bucket.take(0), bucket.take(0), bucket.take(0), bucket.take(0)]).toEqual([true, true, true, false]);
    // 10 a second: one token back after 100 ms, not before.
    expect(bucket.take(50)).toBe(false);
    expect(bucket.take(100)).toBe(true);
    expect(bucket.take(100)).toBe(false);
    // Never more than the burst, however long it was idle.
    const rested = [0, 1, 2, 3].map(() => bucket.take(60_000));
    expect(rested).toEqual([true, true, true, false]);
  });
});

describe('a dot round ranking', () => {
  const round = {
    id: 'round:r',
    seminarId: 's',
    title: 't',
    status: 'open' as const,
    targets: JSON.stringify([
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
      { id: 'c', label: 'C' },
    ]),
    dotsPerPerson: 3,
    anonymous: false,
    openedAt: '2026-12-02T00:00:00.000Z',
  };
  const vote = (participantId: string, allocations: { targetId: string; dots: number }[]) => ({
    id: `round:r|${participantId}`,
    seminarId: 's',
    subjectId: 'round:r',
    participantId,
    value: 3,
    allocations: JSON.stringify(allocations),
    at: '2026-12-02T00:00:00.000Z',
  });
  const names: Record<string, string> = { p1: 'Ann', p2: 'Ben' };

  it('ranks by dots, keeps offered order on ties, ignores targets not in the round, names voters unless anonymous', () => {
    const votes = [
      vote('p1', [
        { targetId: 'c', dots: 2 },
        { targetId: 'a', dots: 1 },
      ]),
      vote('p2', [
        { targetId: 'a', dots: 1 },
        { targetId: 'zz', dots: 3 },
      ]),
    ];
    expect(roundRanking(round, votes, (id) => names[id]!)).toEqual([
      { targetId: 'a', label: 'A', score: 2, voters: ['Ann', 'Ben'] },
      { targetId: 'c', label: 'C', score: 2, voters: ['Ann'] },
      { targetId: 'b', label: 'B', score: 0, voters: [] },
    ]);
    expect(roundRanking({ ...round, anonymous: true }, votes, (id) => names[id]!).map((e) => Object.keys(e))).toEqual([
      ['targetId', 'label', 'score'],
      ['targetId', 'label', 'score'],
      ['targetId', 'label', 'score'],
    ]);
  });
});
