import { KIND_STYLES } from '../graph/kinds.js';
import { truncate } from '../graph/labels.js';
import type { Callout } from '../map/callouts.js';
import type { MapView } from '../map/view.js';
import type { AppState } from '../state/types.js';
import { nodeName } from '../thread/utils.js';
import type { Loaded } from './context.js';

/** Full-text callouts: the selection always; a thread's nodes while there are few enough to read. */
export function calloutsFor(view: MapView, state: AppState, d: Loaded): Callout[] {
  const out: Callout[] = [];
  const add = (id: string, tone: Callout['tone']) => {
    const n = d.index.nodes.get(id);
    if (!n || out.some((c) => c.id === id) || !view.visible.has(id)) return;
    // Without a printed reference the name would repeat the text: the kind says enough.
    const title = n.ref ? nodeName(n) : KIND_STYLES[n.kind].name;
    out.push({ id, tone, title, text: truncate(n.label, tone === 'path' ? 90 : 140) });
  };
  if (state.selected) add(state.selected, 'selected');
  const thread = [...view.emphasis].filter(([id, e]) => (e === 'origin' || e === 'path') && d.index.nodes.has(id));
  for (const [id, e] of thread) if (e === 'origin') add(id, 'origin');
  if (thread.length <= 14) for (const [id, e] of thread) if (e === 'path') add(id, 'path');
  const hits = [...view.emphasis].filter(([id, e]) => e === 'hit' && d.index.nodes.has(id));
  if (hits.length <= 10) for (const [id] of hits) add(id, 'path');
  return out;
}
