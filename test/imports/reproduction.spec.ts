import { describe, expect, it } from 'vitest';
import { prepareImport } from '../../server/imports/prepareImport.js';
import { compareWithSeed, type Reproduction } from './reproduction.js';
import { seedDoc, seedReferenceData } from './seedReference.js';
import { buildDocx, buildXlsx, rawBlocks } from './sourceTables.js';

/**
 * The three source documents' tables, built into real .docx and .xlsx files and
 * imported with the default mappings, against the curated seed. The shares are
 * printed so that the report can quote them; the floor is 95% of actions and of
 * printed links for each document.
 */

const DOCUMENTS = [
  { name: 'Lothian & Borders appendix 5', source: 'lothian-borders-cja-area-plan-2011-14.txt', lines: [770, 910], seed: 'lothian-borders-cja-area-plan-2011-14.yaml', key: 'lb-appendix-5' },
  { name: 'Lanarkshire 2010 report', source: 'lanarkshire-cja-q2-progress-2010.txt', lines: [1, 27], seed: 'lanarkshire-cja-q2-progress-2010.yaml', key: 'lcja-q2-2010' },
  { name: 'Glasgow appendix 1', source: 'glasgow-cjsw-strategic-plan-2013-15.txt', lines: [620, 650], seed: 'glasgow-cjsw-strategic-plan-2013-15.yaml', key: 'gcjsw-appendix-1' },
] as const;

const ref = seedReferenceData();
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function report(doc: string, format: string, r: Reproduction) {
  console.log(
    `[reproduction] ${doc} (${format}): actions ${r.actions.reproduced}/${r.actions.total} ${pct(r.actions.share)}; leads ${r.leads.reproduced}/${r.leads.total} ${pct(r.leads.share)}; printed links ${r.printedLinks.reproduced}/${r.printedLinks.total} ${pct(r.printedLinks.share)}; links read from the table ${r.tableLinks.reproduced}/${r.tableLinks.total} ${pct(r.tableLinks.share)}; near-exact wording ${r.nearExactLinks.reproduced}/${r.nearExactLinks.total}; all links ${r.allLinks.reproduced}/${r.allLinks.total} ${pct(r.allLinks.share)}; leads not in the seed ${r.extraLeads.length}`,
  );
  if (r.actions.missing.length) console.log(`  missing actions: ${r.actions.missing.join(', ')}`);
  if (r.printedLinks.missing.length) console.log(`  missing printed links: ${r.printedLinks.missing.join('; ')}`);
  if (r.tableLinks.missing.length) console.log(`  missing links read from the table: ${r.tableLinks.missing.join('; ')}`);
  if (r.nearExactLinks.missing.length) console.log(`  near-exact links not reproduced: ${r.nearExactLinks.missing.join('; ')}`);
  if (r.leads.missing.length) console.log(`  missing leads: ${r.leads.missing.join('; ')}`);
  if (r.extraLeads.length) console.log(`  leads not in the seed: ${r.extraLeads.join('; ')}`);
}

describe.each(DOCUMENTS)('importing the $name', (doc) => {
  const blocks = rawBlocks(doc.source, doc.lines[0], doc.lines[1]);
  const seed = seedDoc(doc.seed);

  it.each([
    ['docx', () => buildDocx(blocks)],
    ['xlsx', () => buildXlsx(blocks)],
  ] as const)('from a .%s file reproduces at least 95%% of the actions, printed links and links read from the table', async (format, build) => {
    const buffer = await build();
    const prepared = await prepareImport({ buffer, file: `${doc.key}.${format}`, plan: { key: doc.key } }, ref);
    const r = compareWithSeed(seed, prepared.graph);
    report(doc.name, format, r);
    expect(r.actions.share).toBeGreaterThanOrEqual(0.95);
    expect(r.printedLinks.share).toBeGreaterThanOrEqual(0.95);
    expect(r.tableLinks.share).toBeGreaterThanOrEqual(0.95);
    expect(prepared.interpretation.problems).toEqual([]);
    // Every item names the file, the table or sheet and its rows.
    for (const n of prepared.graph.nodes) {
      expect(n.provenance.file).toBe(`${doc.key}.${format}`);
      expect(n.provenance.table).toMatch(/^(table \d+|sheet .+)$/);
    }
  });
});
