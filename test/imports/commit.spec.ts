import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../model/roles.js';
import { countGraph, getNode } from '../../server/graph/graphReader.js';
import { ImportError } from '../../server/imports/importError.js';
import { runImport } from '../../server/imports/runImport.js';
import { loadSeed } from '../../server/seed/loadSeed.js';
import { LadybugStore } from '../../server/store/ladybug/ladybugStore.js';
import { buildDocx, rawBlocks } from './sourceTables.js';

/**
 * An import through the change pipeline on a real embedded store holding the seed:
 * the preview is a dry run that writes nothing, the commit writes everything with
 * import provenance, and the same file again changes nothing.
 */

const EDITOR: Actor = { id: 'user:importer', name: 'Importer', role: 'editor' };

describe('importing the Lanarkshire 2010 report into a store that holds the seed', () => {
  let dir: string;
  let store: LadybugStore;
  let docx: Buffer;
  const input = () => ({ buffer: docx, file: 'lcja-q2-2010.docx', plan: { key: 'lcja-q2-2010', title: 'Lanarkshire CJA Q2 2010 (imported)', progressPeriod: 'July-September 2010' } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gt-import-'));
    store = new LadybugStore({ dataDir: dir, bufferPoolMb: 256 });
    await store.open();
    const reports = await loadSeed(store);
    expect(reports.every((r) => r.loaded)).toBe(true);
    docx = await buildDocx(rawBlocks('lanarkshire-cja-q2-progress-2010.txt', 1, 27));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('previews as a dry run: the diff lists what would be added and nothing is written', async () => {
    const before = await countGraph(store);
    const preview = await runImport(store, input(), EDITOR, { dryRun: true });
    expect(preview.committed).toBe(false);
    // 1 plan + 9 actions + 6 local outcomes + 8 milestones + 9 progress notes, worked out from the table.
    expect(preview.diff.nodes.added.filter((n) => n.kind === 'Action')).toHaveLength(9);
    expect(preview.diff.nodes.added.filter((n) => n.kind === 'LocalOutcome')).toHaveLength(6);
    expect(preview.diff.nodes.added.filter((n) => n.kind === 'ProgressUpdate')).toHaveLength(9);
    expect(preview.diff.nodes.added.filter((n) => n.kind === 'Plan')).toHaveLength(1);
    expect(await countGraph(store)).toEqual(before);
  });

  it('commits atomically with import provenance, and a second import of the same file changes nothing', async () => {
    const before = await countGraph(store);
    const first = await runImport(store, input(), EDITOR, { dryRun: false });
    expect(first.committed).toBe(true);
    const after = await countGraph(store);
    expect(after.nodes - before.nodes).toBe(first.diff.nodes.added.length);
    expect(after.relationships - before.relationships).toBe(first.diff.relationships.added.length);

    const action = await getNode(store, 'lcja-q2-2010:action:2-b');
    // Source line 12 prints "October 2010" and "On target" in the row: both bases printed, as the curated seed marks lcja-2010:action:2-b.
    expect(action?.props).toMatchObject({
      ref: '2',
      leadAsPrinted: 'ADP',
      status: 'on target',
      statusBasis: 'printed in the same row',
      timescale: 'October 2010',
      dueDate: '2010-10-31',
      dueDateBasis: 'printed in the same row',
    });
    expect((await getNode(store, 'lcja-q2-2010:progress:2-b'))?.props).toMatchObject({ status: 'on target', statusAsPrinted: 'On target', statusBasis: 'printed in the same row' });
    expect(action?.provenance).toMatchObject({ source: 'import', file: 'lcja-q2-2010.docx', table: 'table 1' });

    const again = await runImport(store, input(), EDITOR, { dryRun: false });
    expect(again.committed).toBe(false);
    expect(again.diff.nodes.added).toHaveLength(0);
    expect(again.diff.nodes.updated).toHaveLength(0);
    expect(again.diff.relationships.added).toHaveLength(0);
    expect(await countGraph(store)).toEqual(after);
  });

  it('refuses a mapping that names an organisation the graph does not hold, by file, table, row and column, writing nothing', async () => {
    const before = await countGraph(store);
    const error = await runImport(store, { ...input(), plan: { key: 'lcja-q2-2010-b' }, mapping: { name: 'bad', columns: {}, organisations: { ADP: 'org:no-such-body' } } }, EDITOR, {
      dryRun: false,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toMatch(/^lcja-q2-2010\.docx, table 1, row \d+, column .+: .*org:no-such-body/);
    expect(await countGraph(store)).toEqual(before);
  });
});
