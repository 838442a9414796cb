import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { seededCliDirectory } from '../fixtures/cli.js';

/** `npm run cli -- report`, run as a user runs it: a real process on a real data directory. */

const { root, cli } = seededCliDirectory('gt-report-cli-');

describe('npm run cli -- report', () => {
  it('writes the workbook a board paper needs and says what it wrote', async () => {
    const out = join(root, 'q2.xlsx');
    const r = await cli('report', 'lcja-2010', '--period', '2010-11-Q2', '--format', 'xlsx', '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('9 actions in 3 groups');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Progress')!.getRow(2).getCell(1).text).toContain('Quarter 2 2010-11');
  });

  it.each([
    [['report', 'lcja-1999'], 1, 'golden-thread report: plan: there is no plan plan:lcja-1999'],
    [['report', 'lcja-2010', '--period', '2010-Q9'], 2, 'golden-thread report: --period must be a financial-year quarter'],
    [['report', 'lcja-2010', '--format', 'odt'], 2, 'golden-thread report: --format must be one of html, pdf, docx, xlsx, json'],
    [['report'], 2, 'golden-thread report: name one plan'],
    [['report', 'lcja-2010', '--colour', 'red'], 2, "golden-thread report: Unknown option '--colour'"],
  ])('%j fails with exit %i and one line', async (args, code, line) => {
    const r = await cli(...args);
    expect(r.code).toBe(code);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(line);
    expect(existsSync(join(root, 'progress-lcja-2010-2010-11-Q2.odt'))).toBe(false);
  });

  it('--help prints the usage and exits 0', async () => {
    const r = await cli('report', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('2010-11-Q2 is July to September 2010');
  });
});
