import { h, fill } from '../ui/dom.js';
import { download } from '../ui/download.js';
import type { Controller } from './controller.js';
import { summaryUrl } from './http.js';

/**
 * Once the seminar ends: its record (decisions, accepted changes with their diffs,
 * declined proposals with reasons, vote rankings, attendance) to download as Markdown,
 * CSV or Word. Fetched with this device's token, so the record is not a public link.
 */
const FORMATS = [
  { id: 'md', label: 'Markdown', ext: 'md' },
  { id: 'csv', label: 'CSV', ext: 'csv' },
  { id: 'docx', label: 'Word (DOCX)', ext: 'docx' },
] as const;

export function mountSummary(host: HTMLElement, c: Controller) {
  let shown = false;
  return {
    render() {
      const room = c.room;
      host.hidden = !room?.ended;
      if (!room?.ended || shown) return;
      shown = true;
      const msg = h('p', { class: 'form-message', role: 'status' });
      fill(
        host,
        h('h3', { id: 'seminar-summary-h' }, 'The seminar has ended'),
        h('p', {}, 'Its record: decisions, accepted changes with their diffs, declined proposals with reasons, vote rankings and attendance.'),
        h(
          'div',
          { class: 'summary-downloads' },
          FORMATS.map((f) =>
            h(
              'a',
              {
                class: 'button secondary summary-download',
                href: summaryUrl(room.seminar.id, f.id),
                'data-format': f.id,
                onclick: (e: MouseEvent) => {
                  e.preventDefault();
                  void fetch(summaryUrl(room.seminar.id, f.id), { headers: { authorization: `Bearer ${c.seat.token}` } })
                    .then(async (res) => {
                      if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
                      download(await res.blob(), `seminar-${room.seminar.code}-summary.${f.ext}`);
                    })
                    .catch((err: Error) => (msg.textContent = `The ${f.label} summary could not be downloaded: ${err.message}`));
                },
              },
              `Summary (${f.label})`,
            ),
          ),
        ),
        msg,
        h('button', { type: 'button', class: 'button small secondary', onclick: () => c.leave() }, 'Leave the seminar'),
      );
    },
  };
}
