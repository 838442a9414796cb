/**
 * Text similarity for near-duplicate actions: the Sørensen–Dice coefficient of the
 * two texts' content words, lightly stemmed, so that "Develop a protocol with
 * Sheriffs" and "develop protocols with sheriffs" compare as the same.
 */

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our so that the their them these this to was we were which will with within all any each other such e.g i.e etc'.split(' '),
);

export function stem(word: string): string {
  return word
    .replace(/(ies)$/, 'y')
    .replace(/(ing|ed|es|s)$/, '')
    .replace(/(ment|ness)$/, '');
}

export function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9\s-]/g, ' ')
      .split(/[\s-]+/)
      .filter((w) => w.length > 2 && !STOPWORDS.has(w))
      .map(stem),
  );
}

export type AlikePair = { a: number; b: number; similarity: number };

/**
 * Every pair of texts at least `threshold` alike, found through an inverted index
 * (word → texts) so that only texts sharing a word are compared: thousands of
 * actions compare in milliseconds, not the seconds an all-pairs loop takes.
 * `comparable(a, b)` filters pairs (for example, only across plans).
 */
export function alikePairs(texts: Set<string>[], threshold: number, comparable: (a: number, b: number) => boolean): AlikePair[] {
  const postings = new Map<string, number[]>();
  texts.forEach((words, i) => {
    // Appended in place: copying the list for each text made a common word's postings quadratic to build.
    for (const w of words) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const pairs: AlikePair[] = [];
  for (let a = 0; a < texts.length; a++) {
    const shared = new Map<number, number>();
    for (const w of texts[a]!) {
      for (const b of postings.get(w)!) if (b > a) shared.set(b, (shared.get(b) ?? 0) + 1);
    }
    for (const [b, count] of shared) {
      const similarity = (2 * count) / (texts[a]!.size + texts[b]!.size);
      if (similarity >= threshold && comparable(a, b)) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}
