import { describe, expect, it } from 'vitest';
import { indicatorGap } from '../../server/reports/reportData.js';
import { periodEndOfText, updateDate } from '../../server/reports/progressDates.js';
import { parsePeriod, previousPeriod, quarterOf, statusOfWording, type Period } from '../../model/index.js';

const period = (code: string) => parsePeriod(code) as Period;

describe('reporting periods, counted the way the documents count them', () => {
  it.each([
    // The Lanarkshire report's "Quarter 2 ... July - September 2010" is Q2 of the financial year 2010-11.
    ['2010-11-Q2', '2010-07-01', '2010-09-30'],
    ['2010-11-Q1', '2010-04-01', '2010-06-30'],
    ['2010-11-Q3', '2010-10-01', '2010-12-31'],
    // Q4 runs January to March of the second calendar year.
    ['2010-11-Q4', '2011-01-01', '2011-03-31'],
    ['1999-00-Q4', '2000-01-01', '2000-03-31'],
    ['2010-09', '2010-09-01', '2010-09-30'],
    ['2012-02', '2012-02-01', '2012-02-29'],
    ['2011-02', '2011-02-01', '2011-02-28'],
    ['2010-09-30', '2010-09-30', '2010-09-30'],
  ])('%s runs from %s to %s', (code, start, end) => {
    expect(parsePeriod(code)).toMatchObject({ code, start, end });
  });

  it('labels a quarter with its months, as the report heads its page', () => {
    expect(period('2010-11-Q2').label).toBe('Quarter 2 2010-11: July - September 2010');
  });

  it.each([
    ['2010-12-Q2', /second part must be the year after the first/],
    ['2010-11-Q5', /financial-year quarter such as 2010-11-Q2/],
    ['2010-13', /financial-year quarter/],
    ['2011-02-29', /not a calendar date/],
    ['Q2 2010', /financial-year quarter/],
    ['', /financial-year quarter/],
  ])('refuses %j with a reason', (code, reason) => {
    const parsed = parsePeriod(code);
    expect('error' in parsed && parsed.error).toMatch(reason);
  });

  it.each([
    ['2010-08-15', '2010-11-Q2'],
    ['2010-04-01', '2010-11-Q1'],
    ['2010-03-31', '2009-10-Q4'],
    ['2011-01-01', '2010-11-Q4'],
    ['2010-12-31', '2010-11-Q3'],
  ])('%s falls in %s', (date, quarter) => {
    expect(quarterOf(date)).toBe(quarter);
  });

  it.each([
    ['2010-11-Q2', '2010-11-Q1'],
    ['2010-11-Q1', '2009-10-Q4'],
    ['2010-09', '2010-08'],
    ['2010-01', '2009-12'],
    ['2010-03-01', '2010-02-28'],
  ])('the period before %s is %s', (code, before) => {
    expect(previousPeriod(period(code)).code).toBe(before);
  });
});

describe('when an update speaks for', () => {
  it.each([
    // As the 2008-09 Lanarkshire plan prints its progress column.
    ['2008-09 Q2', '2008-09-30'],
    ['Q3 2008-09', '2008-12-31'],
    ['Quarter 4 2008-09', '2009-03-31'],
    // As the 2010 report prints its period.
    ['July-September 2010', '2010-09-30'],
    ['July - September 2010', '2010-09-30'],
    ['2011-12', '2012-03-31'],
    ['2010-09', '2010-09-30'],
    ['2010-09-14', '2010-09-14'],
    ['Ongoing', null],
    ['2011-14', null],
  ])('%j ends on %s', (text, end) => {
    expect(periodEndOfText(text)).toBe(end);
  });

  it('prefers a printed date and says when the date was inferred', () => {
    expect(updateDate({ asOf: '2010-09-30', period: '2008-09 Q2' })).toEqual({ date: '2010-09-30', basis: 'printed' });
    expect(updateDate({ asOf: null, period: '2008-09 Q2' })).toEqual({ date: '2008-09-30', basis: 'inferred from the period' });
    expect(updateDate({ asOf: null, period: 'whenever' })).toBeNull();
  });
});

describe('status wordings', () => {
  it.each([
    ['On track', 'on target'],
    ['Ontrack', 'on target'],
    ['On target', 'on target'],
    ['on-track.', 'on target'],
    ['Part complete', 'part complete'],
    ['complete', 'complete'],
    ['Achieved', 'complete'],
    ['Ongoing', 'ongoing'],
    ['Not started', 'not started'],
    ['Delayed', 'delayed'],
    ['At risk', 'at risk'],
    ['Not required', 'not required'],
  ])('%j reads as %s', (printed, status) => {
    expect(statusOfWording(printed)).toBe(status);
  });

  it('does not read a narrative as a status', () => {
    expect(statusOfWording('National target continues to be exceeded')).toBeNull();
    expect(statusOfWording('Minutes forwarded to Chief Officer for information.')).toBeNull();
  });
});

describe('an indicator against its target', () => {
  it.each([
    // Glasgow's performance table, line 588 and 590: 80% against 75%, 54% against 75%.
    ['75%', '80%', '+5 points'],
    ['75%', '54%', '−21 points'],
    ['75%', '75%', '±0 points'],
    ['100', '87', '−13'],
    ['75%', '1487', null],
    [null, '1487', null],
  ])('target %s, actual %s: %s', (target, actual, gap) => {
    expect(indicatorGap(target, actual)).toBe(gap);
  });
});
