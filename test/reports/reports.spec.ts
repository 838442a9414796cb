import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressReport } from '../../server/reports/reportData.js';
import type { Rollup } from '../../server/reports/rollup.js';
import { startSeededServer, type SeededServer } from '../api/seededServer.js';

/**
 * The quarterly report regenerated from the graph, checked against the document it
 * reproduces: the Lanarkshire Q2 2010 report, read here straight from its text (tab
 * separated rows under "National Outcome N:" headings), never from the seed.
 */

const SOURCE = readFileSync(new URL('../../seed/sources/lanarkshire-cja-q2-progress-2010.txt', import.meta.url), 'utf8').split('\n');

type PrintedRow = { outcome: number; ref: string; lead: string; progress: string; line: number };

/** Every row of the printed report with its outcome group, reference (carried down), lead and progress. */
function printedRows(): PrintedRow[] {
  const rows: PrintedRow[] = [];
  let outcome = 0;
  let ref = '';
  SOURCE.forEach((text, i) => {
    const heading = /^National Outcome (\d+):/.exec(text);
    if (heading) outcome = Number(heading[1]);
    const cols = text.split('\t');
    if (cols.length < 8 || cols[0] === 'Action') return;
    const lead = cols[6]!.trim();
    const progress = cols[7]!.trim();
    // A row Word broke across lines leaves a continuation with no lead and no progress.
    if (!lead && !progress) return;
    if (cols[0]!.trim()) ref = cols[0]!.trim();
    rows.push({ outcome, ref, lead, progress, line: i + 1 });
  });
  return rows;
}

let server: SeededServer;
beforeAll(async () => {
  server = await startSeededServer();
});
afterAll(async () => {
  await server?.close();
});

const report = async (query: string) => (await server.get<ProgressReport>(`/api/reports/lcja-2010?format=json&${query}`)).body;

describe('the Lanarkshire Q2 2010 report, regenerated', () => {
  it('reads nine rows under three National Outcomes from the document itself', () => {
    const rows = printedRows();
    expect(rows.map((r) => r.outcome)).toEqual([9, 9, 9, 9, 9, 11, 15, 15, 15]);
  });

  it('has the same National Outcome groups, actions, leads and progress, row for row', async () => {
    const r = await report('period=2010-11-Q2');
    expect(r.period.label).toBe('Quarter 2 2010-11: July - September 2010');
    const generated = r.groups.flatMap((g) =>
      g.rows.map((row) => ({
        outcome: g.nationalOutcome?.number ?? 0,
        ref: row.ref,
        lead: row.lead,
        progress: row.progress?.statusAsPrinted ?? row.progress?.narrative ?? null,
        line: 'file' in row.source ? row.source.lines[0] : null,
      })),
    );
    const printed = printedRows();
    expect(generated.map(({ outcome, ref, lead, progress }) => ({ outcome, ref, lead, progress }))).toEqual(
      printed.map(({ outcome, ref, lead, progress }) => ({ outcome, ref, lead, progress })),
    );
    // Each row names the line it came from, and it is the line the document prints it on.
    for (const [i, g] of generated.entries()) expect(Math.abs(g.line! - printed[i]!.line)).toBeLessThanOrEqual(1);
  });

  it('says which statuses the document prints and which were read from the narrative', async () => {
    const r = await report('period=2010-11-Q2');
    const rows = r.groups.flatMap((g) => g.rows);
    const basis = Object.fromEntries(rows.map((row) => [row.actionId.replace('lcja-2010:action:', ''), row.progress?.statusBasis]));
    // Line 9 prints no status word, only "Minutes forwarded to Chief Officer for information."
    expect(basis['1']).toBe('inferred');
    // Lines 11 and 27 print "On target" and "Ontrack".
    expect(basis['2']).toBe('printed');
    expect(basis['4-c']).toBe('printed');
  });

  it('shows no progress for a period before the report was written', async () => {
    const r = await report('period=2010-11-Q1');
    expect(r.groups.flatMap((g) => g.rows).every((row) => row.progress === null)).toBe(true);
  });

  it('defaults to the quarter of the latest update', async () => {
    expect((await report('')).period.code).toBe('2010-11-Q2');
  });
});

describe('the report in its four formats', () => {
  const leads = ['MAPPAs steering Group Chair', 'SPS', 'CJSW', 'ADP', 'LCJA'];

  it('HTML: a printable page with a print stylesheet, every row and no script', async () => {
    const res = await fetch(`${server.base}/api/reports/lcja-2010?period=2010-11-Q2&format=html`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/<tr data-action=/g)).toHaveLength(9);
    expect(html.match(/<tr class="group">/g)).toHaveLength(3);
    for (const lead of leads) expect(html).toContain(`<td class="lead">${lead}</td>`);
    expect(html).toContain('lanarkshire-cja-q2-progress-2010.txt line 18');
  });

  it('DOCX: re-opens with a reader and holds the groups in order and every lead', async () => {
    const res = await fetch(`${server.base}/api/reports/lcja-2010?period=2010-11-Q2&format=docx`);
    expect(res.headers.get('content-disposition')).toContain('progress-lcja-2010-2010-11-Q2.docx');
    const { value: text } = await mammoth.extractRawText({ buffer: Buffer.from(await res.arrayBuffer()) });
    const at = (s: string) => text.indexOf(s);
    expect(at('National Outcome 9:')).toBeGreaterThan(-1);
    expect(at('National Outcome 9:')).toBeLessThan(at('National Outcome 11:'));
    expect(at('National Outcome 11:')).toBeLessThan(at('National Outcome 15:'));
    for (const lead of leads) expect(text).toContain(lead);
    expect(text).toContain('Key meetings continue to be attended by LCJA in North and South Lanarkshire.');
  });

  it('XLSX: re-opens with a reader, one row per action under merged outcome rows', async () => {
    const res = await fetch(`${server.base}/api/reports/lcja-2010?period=2010-11-Q2&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Progress')!;
    expect(ws.pageSetup.orientation).toBe('landscape');
    const ids: string[] = [];
    const groups: string[] = [];
    ws.eachRow((row, n) => {
      if (n <= 4) return;
      const id = row.getCell(10).text;
      if (id) ids.push(id.replace('lcja-2010:action:', ''));
      else groups.push(row.getCell(1).text.slice(0, 20));
    });
    expect(groups).toEqual(['National Outcome 9: ', 'National Outcome 11:', 'National Outcome 15:']);
    expect(ids).toEqual(['1', '1-b', '2', '2-b', '2-c', '3', '4', '4-b', '4-c']);
    expect(ws.getRow(5 + 1).getCell(7).text).toBe('MAPPAs steering Group Chair');
  });

  it('PDF: Chromium prints it A4 landscape', async () => {
    const res = await fetch(`${server.base}/api/reports/lcja-2010?period=2010-11-Q2&format=pdf`);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    // A4 landscape is 842 x 595 points (Chromium rounds to its own pixel grid, within a point or two).
    const box = /MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf)!;
    expect(Math.abs(Number(box[1]) - 842)).toBeLessThan(3);
    expect(Math.abs(Number(box[2]) - 595)).toBeLessThan(3);
  });

  it('the Glasgow indicator table, with the gap against each target', async () => {
    const r = (await server.get<ProgressReport>('/api/reports/gcjsw-2013?format=json')).body;
    const byMeasure = Object.fromEntries(r.indicators.map((i) => [i.measure, i]));
    // Glasgow line 588: "% of work placements commenced within 7 days of sentence 75% 80% 75%".
    expect(byMeasure['% of work placements commenced within 7 days of sentence']).toMatchObject({ target: '75%', actual: '80%', nextTarget: '75%', gap: '+5 points' });
    // Line 590: 75% target, 54% actual.
    expect(byMeasure['% of CPOs with a Case Management Plan within 20 days']).toMatchObject({ gap: '−21 points' });
  });
});

describe('roll-up along the golden thread, against counts worked out from the documents', () => {
  const rollup = async (query: string) => (await server.get<Rollup>(`/api/rollup?${query}`)).body;
  const row = (r: Rollup, id: string) => r.rows.find((x) => x.target.id === id)!;
  const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

  it('National Outcome 15 in the 2010 report: "Ongoing" (line 23), a narrative (line 26) and "Ontrack" (line 27)', async () => {
    const r = row(await rollup('plan=plan:lcja-2010&period=2010-11-Q2'), 'no:15');
    expect(r.actions).toBe(3);
    expect(nonZero(r.byStatus)).toEqual({ ongoing: 2, 'on target': 1 });
    // 4-c is due April 2011 (line 27), after the quarter: nothing is overdue.
    expect(r.overdue).toBe(0);
    expect(r.noUpdateThisPeriod).toBe(0);
  });

  it('the same outcome a quarter earlier: nothing reported yet', async () => {
    const r = row(await rollup('plan=plan:lcja-2010&period=2010-11-Q1'), 'no:15');
    expect(nonZero(r.byStatus)).toEqual({ 'no update': 3 });
    expect(r.noUpdateThisPeriod).toBe(3);
  });

  it('local outcome 2 of the 2010 report: "On target" twice and "Part complete" (lines 11-13)', async () => {
    const r = row(await rollup('plan=plan:lcja-2010&period=2010-11-Q2'), 'lcja-2010:local-outcome:2');
    expect(r.actionIds).toEqual(['lcja-2010:action:2', 'lcja-2010:action:2-b', 'lcja-2010:action:2-c']);
    expect(nonZero(r.byStatus)).toEqual({ 'on target': 2, 'part complete': 1 });
  });

  it('strategic aim 4 in the Lothian & Borders plan: the appendix rows whose National Aims column prints it', async () => {
    const lb = readFileSync(new URL('../../seed/sources/lothian-borders-cja-area-plan-2011-14.txt', import.meta.url), 'utf8').split('\n');
    const printed = lb.filter((line) => line.split('\t').length >= 4 && line.split('\t').some((c) => c.trim() === 'Improve the shared management of resources and policy development'));
    expect(printed).toHaveLength(4);
    const r = row(await rollup('plan=plan:lbcja-2011&period=2012-13-Q1'), 'aim:4');
    expect(r.actions).toBe(printed.length);
    // Lothian & Borders prints no progress at all.
    expect(nonZero(r.byStatus)).toEqual({ 'no update': 4 });
  });
});

describe('what needs updating', () => {
  it('lists each unfinished action without an update in the period under its lead', async () => {
    const res = await server.get<{ rows: { lead: string; ref: string }[] }>('/api/reports/lcja-2010/missing-updates?period=2010-11-Q3');
    const byLead: Record<string, string[]> = {};
    for (const r of res.body.rows) (byLead[r.lead] ??= []).push(r.ref);
    expect(byLead).toEqual({
      'Lanarkshire Alcohol and Drug Partnership': ['2', '2'],
      'Lanarkshire Community Justice Authority': ['3', '4', '4', '4'],
      'MAPPA steering group': ['1'],
      'Scottish Prison Service': ['1'],
      // Line 11 prints "CJSW" without saying which council's: no organisation is linked, so the printed words stand.
      CJSW: ['2'],
    });
  });

  it('as CSV a coordinator can send round, safe to open in a spreadsheet', async () => {
    const res = await fetch(`${server.base}/api/reports/lcja-2010/missing-updates?period=2010-11-Q3&format=csv`);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('Lead,Action,Title,Last status,Last update,Plan,Period');
    expect(lines).toHaveLength(10);
    expect(lines.every((l) => !/^[=+\-@]/.test(l))).toBe(true);
  });
});

describe('the API description', () => {
  it('documents every reporting route', async () => {
    const { body } = await server.get<{ paths: Record<string, unknown> }>('/api/docs');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/reports/{plan}', '/api/reports/{plan}/missing-updates', '/api/dashboard/{plan}', '/api/rollup']));
  });
});

describe('bad parameters name the parameter', () => {
  it.each([
    ['/api/reports/lcja-1999', 'plan', /no plan plan:lcja-1999/],
    ['/api/reports/lcja-2010?period=2010-Q2', 'period', /financial-year quarter such as 2010-11-Q2/],
    ['/api/reports/lcja-2010?period=2010-12-Q2', 'period', /year after the first/],
    ['/api/reports/lcja-2010?format=odt', 'format', /must be one of html, pdf, docx, xlsx, json/],
    ['/api/reports/lcja-2010?colour=red', 'colour', /unknown query parameter/],
    ['/api/rollup?period=2010-13', 'period', /financial-year quarter/],
    ['/api/reports/lcja-2010/missing-updates?format=pdf', 'format', /json or csv/],
  ])('%s', async (path, field, reason) => {
    const res = await server.get<{ error: { status: number; code: string; issues: { field: string; reason: string }[] } }>(path);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.issues[0]!.field).toBe(field);
    expect(res.body.error.issues[0]!.reason).toMatch(reason);
  });
});
