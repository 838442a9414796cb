import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Actor } from '../model/roles.js';
import { EXPORT_FORMATS, exportFiles } from '../server/export/exportGraph.js';
import { countGraph } from '../server/graph/graphReader.js';
import { GraphWriter } from '../server/graph/graphWriter.js';
import { runImport } from '../server/imports/runImport.js';
import { checkSeedSet } from '../server/seed/checkSeedSet.js';
import { loadSeed } from '../server/seed/loadSeed.js';
import { seedFilePaths } from '../server/seed/seedFiles.js';
import { LadybugStore } from '../server/store/ladybug/ladybugStore.js';
import { syntheticPlans } from './syntheticPlans.js';

/**
 * Import and export at size: 1,000-row .xlsx workbooks built with exceljs, in the
 * Lothian & Borders appendix 5 layout plus a lead column and in the Lanarkshire 2010
 * progress-report layout (a local outcome every ten rows, key actions as the action
 * text, a progress column that becomes progress updates and statuses, and leads that
 * include "CJSW", which the matcher leaves for the user), each previewed, committed,
 * and committed again; then every export format over ten times the seed. Figures only.
 */

const ACTOR: Actor = { id: 'bench', name: 'bench', role: 'administrator' };
const AIMS = ['Improve Joint Working Practices', 'Improve Information Sharing', 'Improve Community Integration', '-'];
const OUTCOMES = [
  'We live our lives safe from crime, disorder and danger',
  'We live longer, healthier lives',
  "Our public services are high quality, continually improving, efficient and responsive to local people's needs",
  '-',
];
const LEADS = ['SPS', 'NHS Lothian', 'City of Edinburgh Council', 'Lothian and Borders Police', 'Voluntary sector'];

async function thousandRowWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Action plan');
  sheet.addRow(['Output', 'Actions', 'Year', 'National Aims (CJA/SPS/ADSW)', 'Scotland Performs - National Outcomes', 'Lead']);
  for (let i = 0; i < rows; i++) {
    if (i % 50 === 0) {
      const r = sheet.addRow([`Outcome ${Math.floor(i / 50) + 1}.1 Synthetic outcome number ${Math.floor(i / 50) + 1}`]);
      sheet.mergeCells(r.number, 1, r.number, 6);
    }
    const output = i % 5 === 0 ? `${Math.floor(i / 50) + 1}.1.${Math.floor((i % 50) / 5) + 1} Synthetic output ${i}` : '';
    sheet.addRow([output, `• Deliver synthetic action ${i} with partners across the area`, String((i % 3) + 1), AIMS[i % 4], OUTCOMES[i % 4], LEADS[i % 5]]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const L10_LEADS = ['NLC', 'South Lanarkshire Council', 'SPS', 'NHS Lanarkshire', 'CJSW', 'Strathclyde Police', 'Lanarkshire Alcohol and Drug Partnership'];
const L10_PROGRESS = ['On target: the group met twice this quarter', 'Part complete: the audit reported in September', '-', 'Delayed: recruitment is not yet finished'];

/** The Lanarkshire 2010 report's columns; a National Outcome heading across the table every 100 rows. */
async function thousandRowProgressWorkbook(rows: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Q2 progress');
  sheet.addRow(['Action', 'Local outcome', 'Local target', 'Key actions', 'Frequency/source', 'Timescales', 'Lead', 'Progress']);
  const nos = [9, 11, 15];
  for (let i = 0; i < rows; i++) {
    if (i % 100 === 0) {
      const r = sheet.addRow([`National Outcome ${nos[(i / 100) % 3]}`]);
      sheet.mergeCells(r.number, 1, r.number, 8);
    }
    const outcome = i % 10 === 0 ? `Synthetic local outcome ${Math.floor(i / 10) + 1}` : '-';
    const month = ['March', 'June', 'September', 'December'][i % 4];
    sheet.addRow([
      String(i + 1),
      outcome,
      `Local target ${i}: reduce reoffending in area ${i % 7}`,
      `• Agree the plan for action ${i}\n• Report to the board on action ${i}`,
      'Quarterly report',
      `${month} 2011`,
      L10_LEADS[i % L10_LEADS.length],
      L10_PROGRESS[i % 4],
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function importExportBench(): Promise<void> {
  // ---------------------------------------------------------------- import
  {
    const dir = mkdtempSync(join(tmpdir(), 'gt-bench-import-'));
    const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 1024 });
    await store.open();
    try {
      await loadSeed(store);
      const rows = 1000;
      const layouts = [
        { name: 'Lothian & Borders appendix 5 layout', key: 'bench-1000', file: 'bench-1000.xlsx', build: thousandRowWorkbook },
        { name: 'Lanarkshire 2010 progress layout', key: 'bench-1000-progress', file: 'bench-1000-progress.xlsx', build: thousandRowProgressWorkbook },
      ];
      for (const layout of layouts) {
        let t = performance.now();
        const buffer = await layout.build(rows);
        const buildMs = performance.now() - t;
        const input = { buffer, file: layout.file, plan: { key: layout.key } };
        const rssBefore = process.memoryUsage().rss;
        t = performance.now();
        const preview = await runImport(store, input, ACTOR, { dryRun: true });
        const previewMs = performance.now() - t;
        t = performance.now();
        const commit = await runImport(store, input, ACTOR, { dryRun: false });
        const commitMs = performance.now() - t;
        t = performance.now();
        const again = await runImport(store, input, ACTOR, { dryRun: false });
        const againMs = performance.now() - t;
        const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
        const ops = preview.prepared.operations.length;
        const c = preview.prepared.graph.counts;
        console.log(
          `import of a ${rows}-row .xlsx, ${layout.name} (${Math.round(buffer.length / 1024)} KB, built by exceljs in ${seconds(buildMs)}; ${c.actions} actions, ${c.milestones} milestones, ${c.progress} progress updates, ${c.leads} leads, ${ops} operations):`,
        );
        console.log(`  preview (dry run)   ${seconds(previewMs).padStart(9)}  ${Math.round(rows / (previewMs / 1000))} rows/s`);
        console.log(
          `  commit              ${seconds(commitMs).padStart(9)}  ${Math.round(rows / (commitMs / 1000))} rows/s; ${commit.diff.nodes.added.length} nodes and ${commit.diff.relationships.added.length} links added`,
        );
        console.log(`  same file again     ${seconds(againMs).padStart(9)}  committed: ${again.committed} (nothing to change)`);
        console.log(`  commit / preview    ${(commitMs / previewMs).toFixed(2)}; resident memory grew ${rssGrowth.toFixed(0)} MB over the three runs\n`);
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }

  // ---------------------------------------------------------------- export at 10x the seed
  {
    const dir = mkdtempSync(join(tmpdir(), 'gt-bench-export-'));
    const store = new LadybugStore({ dataDir: dir, bufferPoolMb: 2048 });
    await store.open();
    try {
      const { files } = checkSeedSet(seedFilePaths());
      const writer = new GraphWriter(store);
      for (const f of syntheticPlans(files, 10)) await writer.apply({ nodes: f.nodes, relationships: f.relationships });
      const counts = await countGraph(store);
      console.log(`\nexport of 10x the seed (${counts.nodes} nodes, ${counts.relationships} relationships):`);
      for (const format of EXPORT_FORMATS) {
        const t = performance.now();
        const out = await exportFiles(store, format);
        const ms = performance.now() - t;
        const bytes = [...out.values()].reduce((s, x) => s + Buffer.byteLength(x), 0);
        console.log(
          `  ${format.padEnd(8)} ${seconds(ms).padStart(9)}  ${(bytes / 1024 / 1024).toFixed(1).padStart(6)} MB in ${out.size} file${out.size === 1 ? '' : 's'}  ${Math.round((counts.nodes + counts.relationships) / (ms / 1000))} items/s`,
        );
      }
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
