import type { NodeElementData } from '../../model/api.js';
import { parsePeriod } from '../../model/reports.js';
import { h } from '../ui/dom.js';
import { describeStatus } from './badgeSpecs.js';
import { shownStatuses } from './shownStatuses.js';

/**
 * The status line of the map's hover tooltip. An action's is its status as at the end of
 * the period the badges show (the one picked), as the badge says; the graph's own status
 * field is the latest one and would contradict the badge for any earlier period. Until the
 * period's statuses have arrived the line says nothing rather than something wrong. Other
 * kinds (a milestone) keep the status the document prints for them.
 */

export function tooltipStatusText(n: Pick<NodeElementData, 'id' | 'kind' | 'status'>): string | null {
  if (n.kind !== 'Action') return n.status ? `Status: ${n.status}` : null;
  const shown = shownStatuses();
  const at = shown?.byId.get(n.id);
  if (!shown || !at) return null;
  const p = parsePeriod(shown.period);
  return `${'error' in p ? shown.period : `At ${p.end}`}: ${describeStatus(at).replace(/^Status: /, '')}`;
}

export function tooltipStatus(n: Pick<NodeElementData, 'id' | 'kind' | 'status'>): HTMLElement | null {
  const text = tooltipStatusText(n);
  return text ? h('span', { class: 'meta', 'data-tooltip-status': '' }, text) : null;
}
