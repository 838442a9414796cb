import { PERIOD_PATTERNS, parsePeriod } from '../../model/index.js';

/**
 * When a progress update speaks for. An update entered in Golden Thread or printed with
 * an "as of" date has one; the 2008-09 Lanarkshire notes print only "2008-09 Q2", so their
 * date is inferred from the period as printed (the end of that quarter), and says so.
 */

export type UpdateDate = { date: string; basis: 'printed' | 'inferred from the period' } | null;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The last day a free-text period as printed covers, or null when the text names none. */
export function periodEndOfText(text: string): string | null {
  const t = text.trim();
  // "2010-11-Q2" (our own codes), "2008-09 Q2", "Q2 2008-09", "Quarter 2 2008-09".
  const fyQuarter = /(\d{4})-(\d{2})\s*[-\s]?\s*Q(?:uarter)?\s*([1-4])/i.exec(t) ?? swap(/Q(?:uarter)?\s*([1-4])\s+(\d{4})-(\d{2})/i.exec(t));
  if (fyQuarter) {
    const parsed = parsePeriod(`${fyQuarter[1]}-${fyQuarter[2]}-Q${fyQuarter[3]}`);
    if (!('error' in parsed)) return parsed.end;
  }
  // "July-September 2010", "July - September 2010", "September 2010".
  const monthYear = new RegExp(`(${MONTHS.join('|')})\\s+(\\d{4})\\s*$`, 'i').exec(t);
  if (monthYear) {
    const month = MONTHS.indexOf(monthYear[1]!.toLowerCase()) + 1;
    const parsed = parsePeriod(`${monthYear[2]}-${String(month).padStart(2, '0')}`);
    if (!('error' in parsed)) return parsed.end;
  }
  // A bare financial year, "2011-12", as documents print them: its end, 31 March 2012. It wins over
  // reading the text as a month, since "2011-12" in a plan is a year far more often than a December.
  const fy = /^(\d{4})-(\d{2})$/.exec(t);
  if (fy && Number(fy[2]) === (Number(fy[1]) + 1) % 100) return `${Number(fy[1]) + 1}-03-31`;
  if (PERIOD_PATTERNS.date.test(t) || PERIOD_PATTERNS.month.test(t)) {
    const parsed = parsePeriod(t);
    if (!('error' in parsed)) return parsed.end;
  }
  return null;
}

function swap(m: RegExpExecArray | null): [string, string, string, string] | null {
  return m ? [m[0], m[2]!, m[3]!, m[1]!] : null;
}

export function updateDate(update: { asOf: string | null; period: string | null }): UpdateDate {
  if (update.asOf) return { date: update.asOf, basis: 'printed' };
  const end = update.period ? periodEndOfText(update.period) : null;
  return end ? { date: end, basis: 'inferred from the period' } : null;
}
