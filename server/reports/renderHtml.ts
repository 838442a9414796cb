import { ACTION_COLUMNS, INDICATOR_COLUMNS, actionCells, generatedLine, groupHeading, indicatorCells, reportTitle } from './reportCells.js';
import type { ProgressReport } from './reportData.js';

/**
 * The report as one printable HTML page: no script, no external asset, a print stylesheet
 * for A4 landscape whose table headers repeat on every page and whose rows never split
 * across pages. The PDF is this page printed by Chromium.
 */

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const cell = (s: string) => escapeHtml(s).replace(/\n/g, '<br>');

const STYLE = `
@page { size: A4 landscape; margin: 10mm; }
* { box-sizing: border-box; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 9pt; color: #111; margin: 0; padding: 12px; }
h1 { font-size: 14pt; margin: 0 0 2px; }
.meta { margin: 0 0 8px; color: #333; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 14px; }
thead { display: table-header-group; }
th, td { border: 1px solid #555; padding: 3px 4px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #e8e8e8; font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.group td { background: #f3f3f3; font-weight: bold; font-size: 10pt; border-top: 2px solid #111; }
td.progress { white-space: normal; }
.source { color: #444; font-size: 8pt; }
h2 { font-size: 11pt; margin: 10px 0 4px; break-after: avoid; }
@media screen { body { max-width: 1400px; margin: 0 auto; } }
`;

export function renderReportHtml(report: ProgressReport): string {
  const colgroup = (cols: readonly { width: number }[]) => `<colgroup>${cols.map((c) => `<col style="width:${c.width}%">`).join('')}</colgroup>`;
  const head = (cols: readonly { title: string }[]) => `<thead><tr>${cols.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join('')}</tr></thead>`;
  const groups = report.groups
    .map((g) => {
      const rows = g.rows
        .map((r) => {
          const cells = actionCells(r);
          return `<tr data-action="${escapeHtml(r.actionId)}">${ACTION_COLUMNS.map((c) => `<td class="${c.key}">${cell(cells[c.key])}</td>`).join('')}</tr>`;
        })
        .join('\n');
      return `<tr class="group"><td colspan="${ACTION_COLUMNS.length}">${escapeHtml(groupHeading(g))}</td></tr>\n${rows}`;
    })
    .join('\n');
  const actions = report.groups.length
    ? `<table class="actions">${colgroup(ACTION_COLUMNS)}${head(ACTION_COLUMNS)}<tbody>${groups}</tbody></table>`
    : '<p>This plan holds no actions.</p>';
  const indicators = report.indicators.length
    ? `<h2>Performance indicators</h2><table class="indicators">${colgroup(INDICATOR_COLUMNS)}${head(INDICATOR_COLUMNS)}<tbody>${report.indicators
        .map((i) => {
          const cells = indicatorCells(i);
          return `<tr>${INDICATOR_COLUMNS.map((c) => `<td class="${c.key}">${cell(cells[c.key])}</td>`).join('')}</tr>`;
        })
        .join('\n')}</tbody></table>`
    : '';
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(reportTitle(report))}</title><style>${STYLE}</style></head>
<body>
<h1>${escapeHtml(report.plan.body)}</h1>
<p class="meta"><strong>${escapeHtml(report.period.label)}</strong> · ${escapeHtml(report.plan.title)}</p>
<p class="meta source">${escapeHtml(generatedLine(report))}</p>
${actions}
${indicators}
</body></html>
`;
}
