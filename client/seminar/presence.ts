import type { Presence } from '../../model/seminars.js';
import { h, fill } from '../ui/dom.js';

/** Who is in the room now, the facilitator first. */
export function mountPresence(host: HTMLElement) {
  let key = '';
  return {
    render(p: Presence) {
      const k = JSON.stringify(p);
      if (k === key) return;
      key = k;
      const people = [...p.present].sort((a, b) => (a.role === b.role ? a.displayName.localeCompare(b.displayName) : a.role === 'facilitator' ? -1 : 1));
      fill(
        host,
        h('h3', { id: 'seminar-presence-h' }, `Present (${p.count})`),
        h(
          'ul',
          { class: 'presence-list' },
          people.map((x) => h('li', {}, x.displayName, x.role === 'facilitator' ? h('span', { class: 'meta' }, ' · facilitator') : null)),
        ),
      );
    },
  };
}
