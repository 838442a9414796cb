import { MissingUpdatesParams, ReportParams, RollupParams } from '../../model/index.js';
import { errorResponse, ok, queryParams } from './openApi.js';

/** The OpenAPI paths of progress reporting, from the schemas its routes validate with. */

const planParam = { name: 'plan', in: 'path', required: true, description: 'a plan id, with or without its prefix: plan:lcja-2010 or lcja-2010', schema: { type: 'string' } } as const;
const file = (type: string) => ({ content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

export function reportPaths() {
  return {
    '/api/reports/{plan}': {
      get: {
        summary: "A plan's progress report for a period, grouped by National Outcome then action, as the Lanarkshire 2010 report lays it out, with the plan's indicator table",
        parameters: [planParam, ...queryParams(ReportParams)],
        responses: {
          200: {
            description: 'the report: printable HTML (inline), PDF (A4 landscape, inline), DOCX or XLSX (attachments), or its data as JSON',
            ...file('text/html'),
            ...file('application/pdf'),
          },
          400: errorResponse('an unknown plan, a malformed period or an unknown format, named'),
          503: errorResponse('PDF asked for on a server without Chromium'),
        },
      },
    },
    '/api/reports/{plan}/missing-updates': {
      get: {
        summary: "The plan's unfinished actions with no update in the period, per lead organisation (CSV for a coordinator to send round)",
        parameters: [planParam, ...queryParams(MissingUpdatesParams)],
        responses: { 200: ok('rows of lead, action, title, last status, last update'), 400: errorResponse('a bad parameter, named') },
      },
    },
    '/api/missing-updates': {
      get: {
        summary:
          "What needs updating across the partnership: every plan's unfinished actions with no update in the period, counted per lead organisation, with the rows behind the counts (CSV for a coordinator to send round); today's quarter when no period is given",
        parameters: queryParams(MissingUpdatesParams),
        responses: { 200: ok('period, counts per lead, and rows of lead, plan, action, title, last status, last update'), 400: errorResponse('a bad parameter, named') },
      },
    },
    '/api/dashboard/{plan}': {
      get: {
        summary: "A plan's dashboard: actions by status now and at the end of the previous period, overdue actions, outcomes with no progress, indicators against targets",
        parameters: [planParam, ...queryParams(ReportParams.pick({ period: true }))],
        responses: { 200: ok('the dashboard'), 400: errorResponse('a bad parameter, named') },
      },
    },
    '/api/dashboard': {
      get: {
        summary:
          "The partnership's dashboard: every plan's actions together by status now and at the end of the previous period, overdue actions and milestones, outcomes with no progress, every plan's indicators, and a row per plan",
        parameters: queryParams(ReportParams.pick({ period: true })),
        responses: { 200: ok('the dashboard with a row per plan'), 400: errorResponse('a bad parameter, named') },
      },
    },
    '/api/progress/statuses': {
      get: {
        summary: "Every action's status as at the end of a period (the map's badges): status, the word as printed and whether printed or inferred, overdue, updated within the period",
        parameters: queryParams(RollupParams),
        responses: { 200: ok('period, plan and a row per action'), 400: errorResponse('a bad parameter (an unknown plan, a malformed period), named') },
      },
    },
    '/api/rollup': {
      get: {
        summary: 'Progress rolled up along the golden thread: per local outcome, priority, strategic aim and national outcome, the actions beneath it by status, overdue and not updated',
        parameters: queryParams(RollupParams),
        responses: { 200: ok('period, plan and a row per outcome'), 400: errorResponse('a bad parameter, named') },
      },
    },
  };
}
