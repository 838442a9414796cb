import { Router, type Response } from 'express';
import { z } from 'zod';
import { MissingUpdatesParams, NodeId, ReportParams, RollupParams, parsePeriod, quarterOf, type Period } from '../../model/index.js';
import { buildDashboard } from '../reports/dashboard.js';
import { buildPartnershipDashboard } from '../reports/partnershipDashboard.js';
import { statusesAt } from '../reports/statusesAt.js';
import { HttpError } from './errors.js';
import { countByLead, missingUpdates, missingUpdatesCsv, partnershipMissingUpdates } from '../reports/missingUpdates.js';
import { reportFileName } from '../reports/reportCells.js';
import { buildProgressReport } from '../reports/reportData.js';
import { renderReportDocx } from '../reports/renderDocx.js';
import { renderReportHtml } from '../reports/renderHtml.js';
import { renderReportPdf } from '../reports/renderPdf.js';
import { renderReportXlsx } from '../reports/renderXlsx.js';
import { rollUp } from '../reports/rollup.js';
import type { GraphStore } from '../store/port.js';
import { parseRequest } from './validateRequest.js';

/**
 * Progress reporting: the quarterly report of a plan in four formats, the roll-up along
 * the golden thread, a plan's dashboard, and the list of updates still missing.
 * A plan is named by its id (`plan:lcja-2010`) or without the prefix (`lcja-2010`).
 */

const PlanPath = z
  .object({
    plan: z
      .string()
      .transform((p) => (p.startsWith('plan:') ? p : `plan:${p}`))
      .pipe(NodeId),
  })
  .strict();

const asPeriod = (code: string | undefined): Period | undefined => (code ? (parsePeriod(code) as Period) : undefined);
const todaysQuarter = () => parsePeriod(quarterOf(new Date().toISOString().slice(0, 10))) as Period;

const CONTENT_TYPES = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function sendFile(res: Response, type: keyof typeof CONTENT_TYPES, name: string, body: string | Buffer, inline: boolean) {
  res.setHeader('content-type', CONTENT_TYPES[type]);
  res.setHeader('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`);
  res.send(body);
}

export function reportRoutes(store: GraphStore): Router {
  const router = Router();

  router.get('/reports/:plan', async (req, res) => {
    const { plan } = parseRequest(PlanPath, { plan: req.params.plan }, 'path');
    const params = parseRequest(ReportParams, req.query, 'query');
    const report = await buildProgressReport(store, plan, asPeriod(params.period));
    switch (params.format) {
      case 'json':
        res.json(report);
        return;
      case 'html':
        sendFile(res, 'html', reportFileName(report, 'html'), renderReportHtml(report), true);
        return;
      case 'pdf':
        sendFile(res, 'pdf', reportFileName(report, 'pdf'), await renderReportPdf(report), true);
        return;
      case 'docx':
        sendFile(res, 'docx', reportFileName(report, 'docx'), await renderReportDocx(report), false);
        return;
      case 'xlsx':
        sendFile(res, 'xlsx', reportFileName(report, 'xlsx'), await renderReportXlsx(report), false);
        return;
    }
  });

  router.get('/reports/:plan/missing-updates', async (req, res) => {
    const { plan } = parseRequest(PlanPath, { plan: req.params.plan }, 'path');
    const params = parseRequest(MissingUpdatesParams, req.query, 'query');
    // The plan must exist: building its report answers 404 naming it when it does not.
    const report = await buildProgressReport(store, plan, asPeriod(params.period));
    const rows = await missingUpdates(store, plan, report.period);
    if (params.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="missing-updates-${plan.replace(/^plan:/, '')}-${report.period.code}.csv"`);
      res.send(missingUpdatesCsv(rows, report.period));
      return;
    }
    res.json({ plan, period: report.period, rows });
  });

  // Every plan together: who owes updates across the partnership, counted per lead, with the rows behind the counts.
  router.get('/missing-updates', async (req, res) => {
    const params = parseRequest(MissingUpdatesParams, req.query, 'query');
    const period = asPeriod(params.period) ?? todaysQuarter();
    const rows = await partnershipMissingUpdates(store, period);
    if (params.format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="missing-updates-partnership-${period.code}.csv"`);
      res.send(missingUpdatesCsv(rows, period));
      return;
    }
    res.json({ plan: 'partnership', period, leads: countByLead(rows), rows });
  });

  router.get('/dashboard/:plan', async (req, res) => {
    const { plan } = parseRequest(PlanPath, { plan: req.params.plan }, 'path');
    const params = parseRequest(ReportParams.pick({ period: true }), req.query, 'query');
    const report = await buildProgressReport(store, plan, asPeriod(params.period));
    res.json(await buildDashboard(store, plan, report.period));
  });

  // Every plan together: the partnership's board sees the whole, with a row per plan.
  router.get('/dashboard', async (req, res) => {
    const params = parseRequest(ReportParams.pick({ period: true }), req.query, 'query');
    res.json(await buildPartnershipDashboard(store, asPeriod(params.period) ?? todaysQuarter()));
  });

  // The map's status badges: each action's status as at the end of the period.
  router.get('/progress/statuses', async (req, res) => {
    const params = parseRequest(RollupParams, req.query, 'query');
    if (params.plan && !(await store.read('graph/plan-names')).some((p) => p.id === params.plan)) {
      const reason = `there is no plan ${params.plan}; plans have ids such as plan:lcja-2010`;
      throw new HttpError(400, 'bad_request', `plan: ${reason}`, [{ field: 'plan', reason }]);
    }
    res.json(await statusesAt(store, asPeriod(params.period) ?? todaysQuarter(), params.plan ?? null));
  });

  router.get('/rollup', async (req, res) => {
    const params = parseRequest(RollupParams, req.query, 'query');
    res.json(await rollUp(store, asPeriod(params.period) ?? todaysQuarter(), params.plan ?? null));
  });

  return router;
}
