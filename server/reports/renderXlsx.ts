import ExcelJS from 'exceljs';
import { ACTION_COLUMNS, INDICATOR_COLUMNS, actionCells, generatedLine, groupHeading, indicatorCells, reportTitle } from './reportCells.js';
import type { ProgressReport } from './reportData.js';

/**
 * The report as a workbook (exceljs): a "Progress" sheet with the title rows, the header,
 * one merged row per National Outcome and one row per action, set to print A4 landscape
 * one page wide; an "Indicators" sheet where the plan has indicators. Every row keeps its
 * action id in a hidden column so a coordinator's edited copy can be matched back.
 */

const widthChars = (pct: number) => Math.max(8, Math.round(pct * 1.9));

export async function renderReportXlsx(report: ProgressReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Golden Thread';
  wb.title = reportTitle(report);
  const pageSetup: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const ws = wb.addWorksheet('Progress', { pageSetup, views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [...ACTION_COLUMNS.map((c) => ({ key: c.key, width: widthChars(c.width) })), { key: 'actionId', width: 28, hidden: true }];
  const n = ACTION_COLUMNS.length;
  ws.addRow([report.plan.body]).font = { bold: true, size: 14 };
  ws.addRow([`${report.period.label} · ${report.plan.title}`]).font = { bold: true };
  ws.addRow([generatedLine(report)]).font = { italic: true, size: 9 };
  for (const r of [1, 2, 3]) ws.mergeCells(r, 1, r, n);
  const header = ws.addRow([...ACTION_COLUMNS.map((c) => c.title), 'Action id']);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } }));
  ws.pageSetup.printTitlesRow = '4:4';
  for (const g of report.groups) {
    const row = ws.addRow([groupHeading(g)]);
    row.font = { bold: true };
    row.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } };
    ws.mergeCells(row.number, 1, row.number, n);
    for (const r of g.rows) {
      const cells = actionCells(r);
      ws.addRow({ ...cells, actionId: r.actionId });
    }
  }
  ws.eachRow((row, i) => {
    if (i >= 4) row.alignment = { wrapText: true, vertical: 'top' };
  });

  if (report.indicators.length) {
    const is = wb.addWorksheet('Indicators', { pageSetup });
    is.columns = INDICATOR_COLUMNS.map((c) => ({ key: c.key, width: widthChars(c.width) }));
    is.addRow(['Performance indicators']).font = { bold: true, size: 12 };
    is.addRow(INDICATOR_COLUMNS.map((c) => c.title)).font = { bold: true };
    for (const i of report.indicators) is.addRow(indicatorCells(i)).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
