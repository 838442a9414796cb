/**
 * The session's queries, newest first, kept in sessionStorage: a reload keeps them, a
 * new tab or a closed browser starts afresh. The same text run twice moves to the top.
 */
const KEY = 'gt-console-history';
const MAX = 30;

export function readHistory(): string[] {
  try {
    const list = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function remember(cypher: string): string[] {
  const list = [cypher, ...readHistory().filter((q) => q !== cypher)].slice(0, MAX);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(list));
  } catch {
    // Storage full or refused: the history lasts as long as the page.
  }
  return list;
}
