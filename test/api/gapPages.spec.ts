import { describe, expect, it } from 'vitest';
import { DEFAULT_GAP_PAGE, MAX_GAP_PAGE, type ApiError, type GapResponse } from '../../model/index.js';
import { ANALYSES, defaultGapInput } from '../../server/gaps/analyses.js';
import { seededServerForFile } from './seededServer.js';

/**
 * A gap list over HTTP comes a page at a time (model/gapPage.ts): each page is exactly
 * its slice of the whole list, as the analysis computes it on the same store, and
 * page.total is the whole list's length. Bad paging parameters are 400s naming them.
 */

const server = seededServerForFile();

async function page(path: string): Promise<GapResponse> {
  const { status, body } = await server().get<GapResponse>(`/api/gaps/${path}`);
  expect(status).toBe(200);
  return body;
}

/** The whole list, straight from the analysis on the server's own store. */
async function wholeList(id: string, params: { threshold?: number } = {}) {
  return (await ANALYSES.find((a) => a.id === id)!.run(server().store, defaultGapInput(params))).rows;
}

describe('gap lists come a page at a time', () => {
  it('gives the whole list as one page when it is shorter than the default page', async () => {
    const whole = await wholeList('actions-without-lead');
    expect(whole.length).toBeGreaterThan(100);
    expect(whole.length).toBeLessThan(DEFAULT_GAP_PAGE);
    const r = await page('actions-without-lead');
    expect(r.page).toEqual({ offset: 0, limit: DEFAULT_GAP_PAGE, total: whole.length });
    expect(r.rows).toEqual(whole);
  });

  it('slices the list by offset and limit, the last page holding what is left', async () => {
    const whole = await wholeList('actions-without-lead');
    const first = await page('actions-without-lead?limit=50');
    const second = await page('actions-without-lead?limit=50&offset=50');
    const last = await page(`actions-without-lead?limit=50&offset=${whole.length - 7}`);
    expect(first.rows).toEqual(whole.slice(0, 50));
    expect(second.rows).toEqual(whole.slice(50, 100));
    expect(last.rows).toEqual(whole.slice(-7));
    expect(last.page).toEqual({ offset: whole.length - 7, limit: 50, total: whole.length });
    // Past the end is an empty page, not an error: the total says where the list ends.
    expect((await page(`actions-without-lead?limit=50&offset=${whole.length}`)).rows).toEqual([]);
  });

  it('keeps the summary and the highlight of the whole list on every page', async () => {
    const all = await page('actions-without-lead');
    const some = await page('actions-without-lead?limit=5&offset=10');
    expect(some.summary).toBe(all.summary);
    expect(some.highlight).toEqual(all.highlight);
  });

  it('cuts a list longer than a page at the default page, with its whole length in page.total', async () => {
    // At threshold 0 every pair of actions in different plans that shares a word is listed: thousands.
    const whole = await wholeList('near-duplicate-actions', { threshold: 0 });
    expect(whole.length).toBeGreaterThan(DEFAULT_GAP_PAGE);
    const r = await page('near-duplicate-actions?threshold=0');
    expect(r.rows).toEqual(whole.slice(0, DEFAULT_GAP_PAGE));
    expect(r.page!.total).toBe(whole.length);
    // Thousands grouped, as the panel prints them.
    expect(r.summary).toMatch(new RegExp(`^${whole.length.toLocaleString('en-GB')} pairs `));
    expect(whole.length).toBeGreaterThanOrEqual(1000);
    const rest = await page(`near-duplicate-actions?threshold=0&offset=${DEFAULT_GAP_PAGE}&limit=${MAX_GAP_PAGE}`);
    expect([...r.rows, ...rest.rows]).toEqual(whole);
  });

  it.each([
    ['limit=0', 'limit', 'between 1 and'],
    ['limit=-3', 'limit', 'between 1 and'],
    [`limit=${MAX_GAP_PAGE + 1}`, 'limit', 'between 1 and'],
    ['limit=2.5', 'limit', 'whole number'],
    ['limit=many', 'limit', ''],
    ['offset=-1', 'offset', '0 or more'],
    ['offset=1.5', 'offset', 'whole number'],
  ])('refuses %s with a 400 naming %s', async (query, field, reason) => {
    const { status, body } = await server().get<ApiError>(`/api/gaps/actions-without-lead?${query}`);
    expect(status).toBe(400);
    const problem = body.error.issues?.find((d) => d.field === field);
    expect(problem, JSON.stringify(body)).toBeDefined();
    expect(problem!.reason).toContain(reason);
  });
});
