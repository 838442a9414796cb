import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * The five source documents, kept in `seed/sources/` (a byte-identical copy of the
 * shared seeds) so that a fresh clone can check every quote without anything beside it.
 */
export const SOURCES_DIR = fileURLToPath(new URL('../../seed/sources/', import.meta.url));

const cache = new Map<string, string[]>();

export function sourceLines(file: string): string[] {
  let lines = cache.get(file);
  if (!lines) {
    lines = readFileSync(join(SOURCES_DIR, file), 'utf8').split(/\r?\n/);
    cache.set(file, lines);
  }
  return lines;
}

/** Folds runs of white space so that tab-separated table cells and wrapped rows compare as prose. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whether the quote stands, word for word, within lines `from`..`to` (1-based, inclusive) of the file. */
export function quoteStandsAt(file: string, from: number, to: number, quote: string): boolean {
  const lines = sourceLines(file);
  if (from < 1 || to > lines.length) return false;
  return foldWhitespace(lines.slice(from - 1, to).join('\n')).includes(foldWhitespace(quote));
}
