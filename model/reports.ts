import { z } from 'zod';
import { NodeId } from './ids.js';

/**
 * Progress reporting: reporting periods as the documents count them, the report
 * formats, and the request parameters of the report, roll-up and dashboard routes.
 */

/**
 * A reporting period, written three ways:
 * - a financial-year quarter, `2010-11-Q2` (the Scottish public sector's year runs April to
 *   March, so Q2 of 2010-11 is July to September 2010: the Lanarkshire report's "Quarter 2");
 * - a month, `2010-09`;
 * - a date, `2010-09-30` (the period is the single day, as a cut-off).
 */
export const PERIOD_PATTERNS = {
  quarter: /^(\d{4})-(\d{2})-Q([1-4])$/,
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
} as const;

export type PeriodKind = keyof typeof PERIOD_PATTERNS;
export type Period = { kind: PeriodKind; code: string; label: string; start: string; end: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** Parses a period code; the reason is a sentence for a 400 when it is not one. */
export function parsePeriod(code: string): Period | { error: string } {
  const q = PERIOD_PATTERNS.quarter.exec(code);
  if (q) {
    const year = Number(q[1]);
    if (Number(q[2]) !== (year + 1) % 100) {
      return { error: `${code} is not a financial year: the second part must be the year after the first, e.g. ${year}-${pad((year + 1) % 100)}-Q${q[3]}` };
    }
    const quarter = Number(q[3]);
    // Q1 is April to June of the first year; Q4 is January to March of the second.
    const startMonth = (((quarter - 1) * 3 + 3) % 12) + 1;
    const startYear = quarter === 4 ? year + 1 : year;
    const endMonth = startMonth + 2;
    return {
      kind: 'quarter',
      code,
      label: `Quarter ${quarter} ${year}-${pad((year + 1) % 100)}: ${MONTHS[startMonth - 1]} - ${MONTHS[endMonth - 1]} ${startYear}`,
      start: iso(startYear, startMonth, 1),
      end: iso(startYear, endMonth, lastDay(startYear, endMonth)),
    };
  }
  const m = PERIOD_PATTERNS.month.exec(code);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return { kind: 'month', code, label: `${MONTHS[month - 1]} ${year}`, start: iso(year, month, 1), end: iso(year, month, lastDay(year, month)) };
  }
  if (PERIOD_PATTERNS.date.test(code)) {
    const [year, month, day] = code.split('-').map(Number) as [number, number, number];
    if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return { error: `${code} is not a calendar date` };
    return { kind: 'date', code, label: `${day} ${MONTHS[month - 1]} ${year}`, start: code, end: code };
  }
  return { error: 'must be a financial-year quarter such as 2010-11-Q2, a month such as 2010-09, or a date such as 2010-09-30' };
}

/** The financial-year quarter a date falls in, e.g. 2010-08-15 -> 2010-11-Q2. */
export function quarterOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const fyStart = month >= 4 ? year : year - 1;
  const quarter = month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4;
  return `${fyStart}-${pad((fyStart + 1) % 100)}-Q${quarter}`;
}

/** The period before this one, of the same kind (a day before a date). */
export function previousPeriod(period: Period): Period {
  if (period.kind === 'quarter') {
    const [, y, , q] = PERIOD_PATTERNS.quarter.exec(period.code)!.map(Number) as [number, number, number, number];
    const code = q === 1 ? `${y - 1}-${pad(y % 100)}-Q4` : `${y}-${pad((y + 1) % 100)}-Q${q - 1}`;
    return parsePeriod(code) as Period;
  }
  const start = new Date(`${period.start}T00:00:00Z`);
  if (period.kind === 'month') start.setUTCMonth(start.getUTCMonth() - 1);
  else start.setUTCDate(start.getUTCDate() - 1);
  const code = period.kind === 'month' ? start.toISOString().slice(0, 7) : start.toISOString().slice(0, 10);
  return parsePeriod(code) as Period;
}

export const PeriodCode = z.string().superRefine((code, ctx) => {
  const parsed = parsePeriod(code);
  if ('error' in parsed) ctx.addIssue({ code: 'custom', message: parsed.error });
});

export const REPORT_FORMATS = ['html', 'pdf', 'docx', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportParams = z
  .object({
    period: PeriodCode.optional().describe("2010-11-Q2 (financial-year quarter), 2010-09 (month) or 2010-09-30 (date); the quarter of the plan's latest progress when left out"),
    format: z.enum(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` }).default('html'),
  })
  .strict();
export type ReportParams = z.infer<typeof ReportParams>;

export const ReportPlanParam = z.object({ plan: NodeId }).strict();

export const RollupParams = z
  .object({
    period: PeriodCode.optional().describe("as for reports; today's quarter when left out"),
    plan: NodeId.optional().describe('count only the actions of this plan'),
  })
  .strict();
export type RollupParams = z.infer<typeof RollupParams>;

export const MissingUpdatesParams = z
  .object({
    period: PeriodCode.optional(),
    format: z.enum(['json', 'csv'], { message: 'must be json or csv' }).default('json'),
  })
  .strict();
