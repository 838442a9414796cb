import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ACTION_COLUMNS, INDICATOR_COLUMNS, actionCells, generatedLine, groupHeading, indicatorCells, reportTitle } from './reportCells.js';
import type { ProgressReport } from './reportData.js';

/**
 * The report as a Word document (the `docx` library): A4 landscape, the action table with
 * its header row repeated on every page and rows that do not split, one shaded row per
 * National Outcome, then the indicator table. Partnerships edit and circulate these.
 */

const SIZE = 16; // half-points: 8 pt, as dense as the printed reports

function paragraphs(text: string, bold = false): Paragraph[] {
  return text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold, size: SIZE })] }));
}

function headerRow(cols: readonly { title: string; width: number }[]): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: cols.map(
      (c) =>
        new TableCell({
          width: { size: c.width, type: WidthType.PERCENTAGE },
          shading: { type: ShadingType.CLEAR, fill: 'E8E8E8', color: 'auto' },
          children: paragraphs(c.title, true),
        }),
    ),
  });
}

function bodyRow(cols: readonly { key: string; width: number }[], cells: Record<string, string>): TableRow {
  return new TableRow({
    cantSplit: true,
    children: cols.map((c) => new TableCell({ width: { size: c.width, type: WidthType.PERCENTAGE }, children: paragraphs(cells[c.key] ?? '') })),
  });
}

export async function renderReportDocx(report: ProgressReport): Promise<Buffer> {
  const actionRows: TableRow[] = [headerRow(ACTION_COLUMNS)];
  for (const g of report.groups) {
    actionRows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            columnSpan: ACTION_COLUMNS.length,
            shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' },
            children: paragraphs(groupHeading(g), true),
          }),
        ],
      }),
    );
    for (const r of g.rows) actionRows.push(bodyRow(ACTION_COLUMNS, actionCells(r)));
  }
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: report.plan.body })] }),
    new Paragraph({ children: [new TextRun({ text: report.period.label, bold: true }), new TextRun({ text: ` · ${report.plan.title}` })] }),
    new Paragraph({ children: [new TextRun({ text: generatedLine(report), size: SIZE, italics: true })] }),
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: actionRows }),
  ];
  if (report.indicators.length) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun({ text: 'Performance indicators' })] }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [headerRow(INDICATOR_COLUMNS), ...report.indicators.map((i) => bodyRow(INDICATOR_COLUMNS, indicatorCells(i)))],
      }),
    );
  }
  const doc = new Document({
    title: reportTitle(report),
    creator: 'Golden Thread',
    description: generatedLine(report),
    sections: [
      {
        properties: {
          page: {
            // A4 in twentieths of a point, given landscape: docx writes w:orient and the swapped size.
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 567, bottom: 567, left: 567, right: 567 },
          },
        },
        children: [...children, new Paragraph({ alignment: AlignmentType.LEFT, children: [] })],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
