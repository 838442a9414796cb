import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../model/roles.js';
import { countGraph } from '../../server/graph/graphReader.js';
import { ImportError } from '../../server/imports/importError.js';
import { runImport } from '../../server/imports/runImport.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { buildDocx, buildXlsx, rawBlocks } from './sourceTables.js';

/**
 * Files an import must refuse: each gives one ImportError whose message starts with
 * the file, the row and the column ("row -" where the fault is the whole file), and
 * the store is left exactly as it was.
 */

const EDITOR: Actor = { id: 'user:importer', name: 'Importer', role: 'editor' };

function pseudoRandomBytes(size: number, seed = 7): Buffer {
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('bad files', () => {
  let dir: string;
  let store: LadybugStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gt-badimport-'));
    store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
    await store.open();
    await loadSeed(
      store,
      seedFilePaths().filter((p) => p.endsWith('frameworks.yaml')),
    );
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const refuse = async (file: string, buffer: Buffer) => {
    const before = await countGraph(store);
    const error = await runImport(store, { buffer, file, plan: { key: 'bad-file' } }, EDITOR, { dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(await countGraph(store)).toEqual(before);
    console.log(`[bad file] ${(error as Error).message}`);
    return (error as ImportError).message;
  };

  it('a CSV saved in Windows-1252 is refused at the first byte that is not UTF-8', async () => {
    const csv = Buffer.concat([Buffer.from('Action,Key actions,Lead\n1,Fund the service with '), Buffer.from([0xa3]), Buffer.from('200,000,SPS\n')]);
    expect(await refuse('windows-1252.csv', csv)).toMatch(/^windows-1252\.csv, row 2, column 25: not UTF-8 text: byte 0xa3 at line 2, column 25/);
  });

  it('a table with no recognisable column headings says what its first row reads', async () => {
    const csv = Buffer.from('Colour,Shape,Weight\nred,round,3\nblue,square,4\n');
    expect(await refuse('shapes.csv', csv)).toMatch(/^shapes\.csv, table 1, row 1, column 1: no recognisable column headings \(the first row reads "Colour", "Shape", "Weight"\)/);
  });

  it('10 MB of junk named .docx is refused before any parser reads it, and as .csv as not UTF-8', async () => {
    const junk = pseudoRandomBytes(10 * 1024 * 1024);
    expect(await refuse('junk.docx', junk)).toMatch(/^junk\.docx, row -, column -: not a docx file: it does not start as a zip archive/);
    expect(await refuse('junk.csv', junk)).toMatch(/^junk\.csv, row \d+, column \d+: not UTF-8 text/);
  });

  it('a truncated .xlsx is refused as an incomplete zip', async () => {
    const whole = await buildXlsx(rawBlocks('lanarkshire-cja-q2-progress-2010.txt', 1, 27));
    const truncated = whole.subarray(0, Math.floor(whole.length / 2));
    expect(await refuse('truncated.xlsx', truncated)).toMatch(/^truncated\.xlsx, row -, column -: not a complete xlsx file: the zip archive cannot be read .*truncated\?/);
  });

  it('a .docx that is really a zip bomb is refused before it is unpacked past the limit', async () => {
    const real = await JSZip.loadAsync(await buildDocx(rawBlocks('lanarkshire-cja-q2-progress-2010.txt', 1, 27)));
    // 120 MB of one repeated byte deflates to about 120 KB: within the file size limit, far past the unpacked limit.
    real.file('word/media/padding.bin', Buffer.alloc(120 * 1024 * 1024, 0x41));
    const bomb = await real.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(await refuse('bomb.docx', bomb)).toMatch(/^bomb\.docx, row -, column -: the archive unpacks to more than \d+ bytes \(entry word\/media\/padding\.bin\); refused as a possible zip bomb/);
  }, 60_000);

  it('a row of 10,000 columns is refused by its row and the first column past the limit, in CSV and in .xlsx', async () => {
    const wide = ['Action,Key actions,Lead', '1,Do the thing,SPS', Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')].join('\n');
    expect(await refuse('wide.csv', Buffer.from(wide))).toMatch(/^wide\.csv, row 3, column 201: the row has 10000 columns, more than the 200/);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow(['Action', 'Key actions', 'Lead']);
    sheet.addRow(Array.from({ length: 10_000 }, (_, i) => `c${i}`));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await refuse('wide.xlsx', xlsx)).toMatch(/^wide\.xlsx, sheet Plan, row 2, column 201: the row has 10000 columns/);
  }, 60_000);
});
