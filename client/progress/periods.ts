import { parsePeriod, quarterOf, type Period } from '../../model/reports.js';

/**
 * The quarters the period picker offers: every financial-year quarter from April 2007
 * (the oldest document) to the current one, newest first. Pure, so it is tested without a DOM.
 */
export function quarterChoices(today: string, from = '2007-04-01'): Period[] {
  const out: Period[] = [];
  let code = quarterOf(today);
  const first = quarterOf(from);
  for (let guard = 0; guard < 200; guard++) {
    const p = parsePeriod(code) as Period;
    out.push(p);
    if (code === first) break;
    const [, y, , q] = /^(\d{4})-(\d{2})-Q(\d)$/.exec(code)!.map(Number) as [number, number, number, number];
    code = q === 1 ? `${y - 1}-${String(y % 100).padStart(2, '0')}-Q4` : `${y}-${String((y + 1) % 100).padStart(2, '0')}-Q${q - 1}`;
  }
  return out;
}
