import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { Status } from '../../model/vocabulary.js';
import { STATUS_SYMBOLS } from '../../model/statusWords.js';

/**
 * The dashboard's chart of actions by status, now and at the end of the previous period
 * (Chart.js, registered piecemeal so only bars are bundled). It does not rely on colour:
 * every bar is labelled with its status symbol and count, the two periods differ by fill
 * (solid against hatched-grey outline), and the same figures stand in a table beside it.
 */

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type StatusCount = { status: Status | 'no update'; now: number; before: number };

const symbol = (s: StatusCount['status']) => (s === 'no update' ? '·' : STATUS_SYMBOLS[s]);

export function drawStatusChart(canvas: HTMLCanvasElement, counts: StatusCount[], labels: { now: string; before: string }): () => void {
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: counts.map((c) => `${symbol(c.status)} ${c.status}`),
      datasets: [
        { label: labels.now, data: counts.map((c) => c.now), backgroundColor: '#1f3b5a', borderColor: '#1f3b5a', borderWidth: 1 },
        { label: labels.before, data: counts.map((c) => c.before), backgroundColor: 'rgba(0,0,0,0)', borderColor: '#555', borderWidth: 2, borderDash: [4, 3] } as never,
      ],
    },
    options: {
      indexAxis: 'y',
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { font: { size: 13 } } } },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
    },
  });
  return () => chart.destroy();
}
