import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { REPORT_FORMATS, parsePeriod, type Period, type ReportFormat } from '../../../model/index.js';
import { HttpError } from '../../api/errors.js';
import { reportFileName } from '../../reports/reportCells.js';
import { buildProgressReport } from '../../reports/reportData.js';
import { renderReportDocx } from '../../reports/renderDocx.js';
import { renderReportHtml } from '../../reports/renderHtml.js';
import { renderReportPdf } from '../../reports/renderPdf.js';
import { renderReportXlsx } from '../../reports/renderXlsx.js';
import { CliError, openStore, type CliCommand } from '../command.js';

/** `npm run cli -- report PLAN --period P --format F --out PATH`: the quarterly report, as the API makes it. */

const usage = `usage:
  npm run cli -- report PLAN [--period P] [--format html|pdf|docx|xlsx|json] [--out PATH]

PLAN     a plan id, with or without its prefix: plan:lcja-2010 or lcja-2010
--period a financial-year quarter (2010-11-Q2 is July to September 2010), a month (2010-09)
         or a date (2010-09-30); the quarter of the plan's latest update when left out
--format html (default), pdf (needs Chromium: CHROMIUM_PATH), docx, xlsx or json
--out    the file to write; the report's own name in this folder when left out

example:
  npm run cli -- report lcja-2010 --period 2010-11-Q2 --format docx --out q2-2010.docx`;

export const render = {
  html: async (r) => renderReportHtml(r),
  json: async (r) => JSON.stringify(r, null, 2),
  pdf: renderReportPdf,
  docx: renderReportDocx,
  xlsx: renderReportXlsx,
} satisfies Record<ReportFormat, (r: Awaited<ReturnType<typeof buildProgressReport>>) => Promise<string | Buffer>>;

export const command: CliCommand = {
  summary: "write a plan's progress report for a period (html, pdf, docx, xlsx, json)",
  usage,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { period: { type: 'string' }, format: { type: 'string', default: 'html' }, out: { type: 'string' } } });
    } catch (err) {
      throw new CliError((err as Error).message, 2);
    }
    const { positionals, values } = parsed;
    if (positionals.length !== 1) throw new CliError('name one plan, e.g. npm run cli -- report lcja-2010 --period 2010-11-Q2', 2);
    const plan = positionals[0]!.startsWith('plan:') ? positionals[0]! : `plan:${positionals[0]}`;
    const format = values.format as ReportFormat;
    if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}, not ${JSON.stringify(values.format)}`, 2);
    let period: Period | undefined;
    if (values.period !== undefined) {
      const p = parsePeriod(values.period);
      if ('error' in p) throw new CliError(`--period ${p.error}`, 2);
      period = p;
    }
    const store = await openStore();
    try {
      const report = await buildProgressReport(store, plan, period);
      const out = values.out ?? reportFileName(report, format);
      writeFileSync(out, await render[format](report));
      const rows = report.groups.reduce((n, g) => n + g.rows.length, 0);
      io.out(`wrote ${out}: ${report.plan.title}, ${report.period.label}, ${rows} actions in ${report.groups.length} groups, ${report.indicators.length} indicators`);
    } catch (err) {
      if (err instanceof HttpError) throw new CliError(err.issues?.[0] ? `${err.issues[0].field}: ${err.issues[0].reason}` : err.message);
      throw err;
    } finally {
      await store.close();
    }
  },
};
