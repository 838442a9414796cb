/**
 * Compares texts as `a.localeCompare(b, 'en', { numeric: true })` does ("2.5.9" before
 * "2.5.11"), with one collator made once. localeCompare with a locale and options builds
 * its collator on every call: sorting the 1,100 rows of a gap list at 10x the seed took
 * longer than the query behind it (1 s against 38 ms for 3,000 references, measured).
 */
export const byNumbers: (a: string, b: string) => number = new Intl.Collator('en', { numeric: true }).compare;
