import type { Status } from './vocabulary.js';

/**
 * The wordings progress reports print for a status, mapped to the one vocabulary.
 * The printed word is always kept beside the normalised status; this table only says
 * which normalised status a wording means. Matching ignores case, spacing, hyphens and
 * a trailing full stop, so "Ontrack", "On track" and "on-track." all read as on target.
 */
const WORDINGS: Record<string, Status> = {
  'on target': 'on target',
  'on track': 'on target',
  ontrack: 'on target',
  ontarget: 'on target',
  'on schedule': 'on target',
  complete: 'complete',
  completed: 'complete',
  achieved: 'complete',
  done: 'complete',
  'part complete': 'part complete',
  'partly complete': 'part complete',
  'partially complete': 'part complete',
  'part completed': 'part complete',
  ongoing: 'ongoing',
  'on going': 'ongoing',
  continuing: 'ongoing',
  'in progress': 'ongoing',
  'not started': 'not started',
  'not yet started': 'not started',
  delayed: 'delayed',
  behind: 'delayed',
  'behind schedule': 'delayed',
  slipped: 'delayed',
  'at risk': 'at risk',
  'not required': 'not required',
  'no longer required': 'not required',
  'n/a': 'not required',
};

function fold(word: string): string {
  return word
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .trim();
}

/** The status a printed wording stands for, or null when the wording is not a status word. */
export function statusOfWording(printed: string): Status | null {
  const folded = fold(printed);
  return WORDINGS[folded] ?? WORDINGS[folded.replace(/ /g, '')] ?? null;
}

/** Every wording the table knows, for documentation and the import's column mapping. */
export const STATUS_WORDINGS: readonly string[] = Object.keys(WORDINGS);

/**
 * A symbol per status, so a status reads without colour (on a black-and-white print, or
 * to a reader who cannot tell red from green): reports, the map's badges and the dashboard.
 */
export const STATUS_SYMBOLS: Record<Status, string> = {
  complete: '✔',
  'on target': '▶',
  'part complete': '◐',
  ongoing: '↻',
  'not started': '○',
  delayed: '⚠',
  'at risk': '!',
  'not required': '–',
  unknown: '?',
};
