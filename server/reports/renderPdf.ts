import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { HttpError } from '../api/errors.js';
import { renderReportHtml } from './renderHtml.js';
import type { ProgressReport } from './reportData.js';

/**
 * The report as PDF: the printable HTML page printed by a headless Chromium, A4 landscape,
 * with page numbers in the footer. Chromium is the one on the machine (CHROMIUM_PATH, or
 * Debian's /usr/bin/chromium); without one the PDF is refused with a sentence saying so,
 * and the HTML, DOCX and XLSX formats still work.
 */

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function renderReportPdf(report: ProgressReport): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) {
    throw new HttpError(503, 'pdf_unavailable', 'PDF reports need Chromium on the server: install it or set CHROMIUM_PATH; the html, docx and xlsx formats work without it');
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The page has no script and no external asset, so nothing is fetched while printing.
    await page.setContent(renderReportHtml(report), { waitUntil: 'load' });
    return await page.pdf({
      format: 'A4',
      landscape: true,
      printBackground: true,
      margin: { top: '10mm', bottom: '14mm', left: '10mm', right: '10mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:7pt;width:100%;padding:0 10mm;color:#444;font-family:Arial">Golden Thread · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
  } finally {
    await browser.close();
  }
}
