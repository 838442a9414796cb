/**
 * Text similarity for near-duplicate actions: the Sørensen–Dice coefficient of the
 * two texts' content words, lightly stemmed, so that "Develop a protocol with
 * Sheriffs" and "develop protocols with sheriffs" compare as the same.
 */

const STOPWORDS = new Set(
  'a an and are as at be by for from has have in into is it its of on or our so that the their them these this to was we were which will with within all any each other such e.g i.e etc'.split(
    ' ',
  ),
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

export function diceSimilarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}
