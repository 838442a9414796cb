import { stemmer } from 'stemmer';

/**
 * How text becomes search terms, the same way for what is indexed and what is typed:
 * words and dotted references ("2.5.7") are cut out, lower-cased, stripped of
 * accents, British spellings folded onto one form ("organisation" and "organization"),
 * and Porter-stemmed ("disabilities" and "disability" both become "disabl").
 * Highlighting uses the same functions, so a highlighted word is a word that matched.
 */

/** A word, or a number with dots inside it (a printed reference such as 2.5.7). */
const TOKEN = /\p{N}+(?:\.\p{N}+)+|[\p{L}\p{N}]+/gu;

/** Words too common to say anything; dropped from queries and the index alike. */
const STOP_WORDS = new Set('a an and are as at be by for from has have in into is it its of on or over that the their there these this those to was were which will with within'.split(' '));

export type Token = { text: string; start: number; end: number };

/** Every token of a text with its position, for highlighting. */
export function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** -ise/-isation and -ize/-ization are one word to a planner; fold before stemming. */
function foldSpelling(word: string): string {
  if (word.length < 6) return word;
  return word.replace(/is(ation|ations|ing|ed|es|e|er|ers)$/, 'iz$1');
}

/** The index term of one token, or null when it says nothing (a stop word). */
export function termOf(token: string): string | null {
  const word = token
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  if (STOP_WORDS.has(word)) return null;
  // References and numbers are kept whole; only words are stemmed.
  if (/\d/.test(word)) return word;
  return stemmer(foldSpelling(word));
}

/** The terms of a query, in order, without stop words. */
export function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(termOf)
    .filter((t): t is string => t !== null);
}
