import { describe, expect, it } from 'vitest';
import { alikePairs, contentWords, stem } from '../../server/gaps/textSimilarity.js';

/**
 * The near-duplicate finder's arithmetic, by hand: Dice = 2 × shared words / (words in A +
 * words in B), over content words (longer than two letters, not stop words, lightly stemmed).
 * Synthetic words `term1`, `term2`, … are content words that no rule changes, so each
 * expected similarity below is exact.
 */

/** `count` distinct content words starting at term`from`. */
const terms = (from: number, count: number) => Array.from({ length: count }, (_, i) => `term${from + i}`).join(' ');
const anyPair = () => true;

function similarityOf(a: string, b: string, threshold: number, comparable = anyPair): number | null {
  const pairs = alikePairs([contentWords(a), contentWords(b)], threshold, comparable);
  expect(pairs.length).toBeLessThanOrEqual(1);
  return pairs[0]?.similarity ?? null;
}

describe('content words', () => {
  it('drops stop words, words of two letters or fewer, punctuation and case, and folds plurals and -ing', () => {
    expect([...contentWords('Develop a protocol with the Sheriffs, e.g. on bail, UK-wide')].sort()).toEqual(['bail', 'develop', 'protocol', 'sheriff', 'wide']);
    expect([...contentWords('develop protocols with sheriffs')].sort()).toEqual(['develop', 'protocol', 'sheriff']);
  });

  it.each([
    ['policies', 'policy'],
    ['meetings', 'meeting'],
    ['developed', 'develop'],
    ['improvement', 'improve'],
    ['services', 'servic'],
    ['term7', 'term7'],
    // Each rule changes only a word's ending: "ies" and "ment" inside a word stay.
    ['diesel', 'diesel'],
    ['mentors', 'mentor'],
  ])('stems %s as %s', (word, stemmed) => {
    expect(stem(word)).toBe(stemmed);
  });

  it('splits hyphenated words and keeps numbers', () => {
    expect([...contentWords('multi-agency MAPPA 2008')].sort()).toEqual(['2008', 'agency', 'mappa', 'multi']);
  });
});

describe('Dice similarity of two action texts', () => {
  it.each([
    // name, text A, text B, threshold, expected similarity (null: not reported)
    ['identical wording', 'Develop a protocol with Sheriffs', 'develop protocols with sheriffs', 0.35, 1],
    ['disjoint wording', terms(1, 5), terms(6, 5), 0.01, null],
    ['3 of 4 words shared, at a threshold of exactly 0.75', terms(1, 4), `${terms(1, 3)} term99`, 0.75, 0.75],
    ['3 of 4 words shared, at a threshold just above', terms(1, 4), `${terms(1, 3)} term99`, 0.7500001, null],
    ['7 shared of 20 and 20 words: exactly the default 0.35', terms(1, 20), `${terms(1, 7)} ${terms(101, 13)}`, 0.35, 0.35],
    ['7 shared of 20 and 21 words: 0.341, just below the default', terms(1, 20), `${terms(1, 7)} ${terms(101, 14)}`, 0.35, null],
    ['one word of a long text', terms(1, 9), 'term1', 0.2, 0.2],
    ['an empty text against anything', '', terms(1, 3), 0, null],
  ])('%s', (_name, a, b, threshold, expected) => {
    expect(similarityOf(a, b, threshold)).toBe(expected);
  });

  it.each([
    [terms(1, 4), `${terms(1, 3)} term99`],
    [terms(1, 20), `${terms(1, 7)} ${terms(101, 14)}`],
    ['Develop a protocol with Sheriffs', 'Agree a protocol with the Sheriffs and the police'],
  ])('is the same both ways round: %s / %s', (a, b) => {
    expect(similarityOf(a, b, 0)).toBe(similarityOf(b, a, 0));
    expect(similarityOf(a, b, 0)).not.toBeNull();
  });
});

describe('alike pairs among many texts', () => {
  const texts = [terms(1, 4), `${terms(1, 3)} term99`, terms(1, 4), terms(50, 4)].map(contentWords);
  const plan = ['plan:a', 'plan:b', 'plan:a', 'plan:b'];

  it('reports each pair once, lower index first, with its similarity', () => {
    expect(alikePairs(texts, 0.5, anyPair)).toEqual([
      { a: 0, b: 1, similarity: 0.75 },
      { a: 0, b: 2, similarity: 1 },
      { a: 1, b: 2, similarity: 0.75 },
    ]);
  });

  it('leaves out pairs within the same plan when asked to compare across plans only', () => {
    expect(alikePairs(texts, 0.5, (a, b) => plan[a] !== plan[b])).toEqual([
      { a: 0, b: 1, similarity: 0.75 },
      { a: 1, b: 2, similarity: 0.75 },
    ]);
  });
});
