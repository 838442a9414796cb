import type { Basis, Status } from '../../../model/vocabulary.js';

/**
 * The due date and status a cell prints, the way the curated seed reads them: a
 * month means its last day, a date that day, and only when the cell names exactly
 * one ("Ongoing", "TBA" and several dates give none). A status is normalised to
 * the model's list; the printed words are kept beside it by the caller.
 */

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DATE = new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?(${MONTHS.join('|')}|${MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?\\s+((?:19|20)\\d\\d)\\b`, 'gi');

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function dueDateOf(timescale: string | undefined): string | undefined {
  if (!timescale) return undefined;
  const found = [...timescale.matchAll(DATE)];
  if (found.length !== 1) return undefined;
  const [, day, monthName, year] = found[0]!;
  const m = MONTHS.findIndex((x) => x.startsWith(monthName!.toLowerCase().slice(0, 3))) + 1;
  const y = Number(year);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = day ? Number(day) : last;
  return d >= 1 && d <= last ? iso(y, m, d) : undefined;
}

export function statusOf(printed: string | undefined): Status {
  const t = (printed ?? '').toLowerCase();
  if (/not\s+started/.test(t)) return 'not started';
  if (/not\s+required/.test(t)) return 'not required';
  if (/part(ly|ially)?\s*complete/.test(t)) return 'part complete';
  if (/^\s*(complete|completed|achieved|done)\b/.test(t)) return 'complete';
  if (/on\s*target|on\s*track|ontrack/.test(t)) return 'on target';
  if (/delay|behind|slipp/.test(t)) return 'delayed';
  if (/^\s*(ongoing|on-going|on going|in progress)\b/.test(t)) return 'ongoing';
  return 'unknown';
}

/**
 * On what basis the status was read, as the curated seed marks it: a status word the
 * progress cell prints is "printed in the same row"; a cell that prints none (status
 * unknown) leaves only its narrative to read.
 */
export function statusBasisOf(printed: string | undefined): Basis {
  return statusOf(printed) === 'unknown' ? 'narrative' : 'printed in the same row';
}
