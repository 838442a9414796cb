import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod, type Period } from '../model/index.js';
import { GraphWriter } from '../server/graph/graphWriter.js';
import { buildDashboard } from '../server/reports/dashboard.js';
import { buildPartnershipDashboard } from '../server/reports/partnershipDashboard.js';
import { partnershipMissingUpdates } from '../server/reports/missingUpdates.js';
import { statusesAt } from '../server/reports/statusesAt.js';
import { buildProgressReport } from '../server/reports/reportData.js';
import { renderReportDocx } from '../server/reports/renderDocx.js';
import { renderReportHtml } from '../server/reports/renderHtml.js';
import { renderReportPdf } from '../server/reports/renderPdf.js';
import { renderReportXlsx } from '../server/reports/renderXlsx.js';
import { rollUp } from '../server/reports/rollup.js';
import { checkSeedSet } from '../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../server/seed/seedFiles.js';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.js';
import { measure } from './latency.js';
import { syntheticPlans } from './syntheticPlans.js';

/**
 * Progress reporting at 10x the seed on the embedded store: gathering the largest plan's
 * report (Lothian & Borders, 92 actions a copy) and rendering it in each format, the
 * roll-up over every plan and a dashboard. Figures only: p50 and p95 in milliseconds.
 */

export async function runReportBench(factor = 10, runs = Number(process.env.BENCH_RUNS ?? 10)): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `gt-bench-reports-${factor}x-`));
  const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 1024 });
  try {
    await store.open();
    const { files } = checkSeedSet(seedFilePaths());
    const writer = new GraphWriter(store);
    for (const f of syntheticPlans(files, factor)) await writer.apply({ nodes: f.nodes, relationships: f.relationships });
    const plan = 'plan:lbcja-2011';
    const period = parsePeriod('2012-13-Q2') as Period;
    const report = await buildProgressReport(store, plan, period);
    const rows = report.groups.reduce((n, g) => n + g.rows.length, 0);
    const cases: [string, () => Promise<unknown>][] = [
      [`gather the report (${rows} actions)`, () => buildProgressReport(store, plan, period)],
      ['render HTML', async () => renderReportHtml(report)],
      ['render DOCX', () => renderReportDocx(report)],
      ['render XLSX', () => renderReportXlsx(report)],
      ['render PDF (Chromium, launched per report)', () => renderReportPdf(report)],
      ['roll-up, every plan', () => rollUp(store, period)],
      ['dashboard of the plan', () => buildDashboard(store, plan, period)],
      // Issue 14: it built every plan's full report to find their actions; 8.6 s p50 then on a loaded 2-core machine, now it reads only what it shows.
      ['dashboard of the partnership (every plan)', () => buildPartnershipDashboard(store, period)],
      ['what needs updating, every plan', () => partnershipMissingUpdates(store, period)],
      ["map badges: every action's status", () => statusesAt(store, period, null)],
    ];
    console.log(`${'progress reporting at ' + factor + 'x the seed'.padEnd(20)}`.padEnd(46) + `${'p50'.padStart(7)} ${'p95'.padStart(7)}`);
    for (const [name, call] of cases) {
      const n = name.startsWith('render PDF') ? Math.max(3, Math.floor(runs / 3)) : runs;
      const f = await measure(call, n, 1);
      console.log(`${name.padEnd(46)}${f.p50.toFixed(0).padStart(7)} ${f.p95.toFixed(0).padStart(7)}`);
    }
    console.log('(milliseconds)');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
