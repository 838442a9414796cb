import type { Neighbour, NodeDetailResponse } from '../../model/api.js';

/** Pure helpers for the detail panel: headings for relationship groups and readable property values. */

const GROUP_TITLES: Record<string, string> = {
  'LEADS in': 'Led by',
  'PARTNERS_IN in': 'Partners',
  'SERVES out': 'Serves',
  'SERVES in': 'Served by',
  'HAS_PROGRESS out': 'Progress history',
  'HAS_MILESTONE out': 'Milestones',
  'HAS_PROGRESS in': 'Progress of',
  'HAS_MILESTONE in': 'Milestone of',
  'CONTAINS in': 'In plan',
  'CONTAINS out': 'Contains',
  'MEASURES in': 'Measured by',
  'MEASURES out': 'Measures',
  'LEADS out': 'Leads',
  'PARTNERS_IN out': 'Partner in',
  'PUBLISHES out': 'Publishes',
  'PUBLISHES in': 'Published by',
  'MEMBER_OF out': 'Member of',
  'MEMBER_OF in': 'Members',
  'FUNDS in': 'Funded by',
  'FUNDS out': 'Funds',
  'GRANTS out': 'Grants',
  'GRANTS in': 'Granted by',
  'CONTINUES out': 'Continues',
  'CONTINUES in': 'Continued by',
};

const GROUP_ORDER = ['LEADS in', 'PARTNERS_IN in', 'SERVES out', 'SERVES in', 'HAS_PROGRESS out', 'HAS_MILESTONE out', 'MEASURES in'];

export function groupTitle(key: string): string {
  return GROUP_TITLES[key] ?? key.replace(/_/g, ' ').toLowerCase();
}

/** Relationship groups in the order a planner asks: who leads, with whom, for what, then the rest. */
export function orderedGroups(neighbours: NodeDetailResponse['neighbours']): [string, Neighbour[]][] {
  const rank = (k: string) => {
    const i = GROUP_ORDER.indexOf(k);
    return i === -1 ? GROUP_ORDER.length : i;
  };
  return Object.entries(neighbours)
    .filter(([, list]) => list.length > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || groupTitle(a).localeCompare(groupTitle(b), 'en-GB'));
}

const PROP_TITLES: Record<string, string> = {
  ref: 'Reference',
  dueDate: 'Due date',
  yearBand: 'Year band',
  leadAsPrinted: 'Lead as printed',
  leadVague: 'Lead is vague',
  localTarget: 'Local target',
  frequencySource: 'Frequency and source',
  planType: 'Plan type',
  sourceFile: 'Source file',
  coreBusiness: 'Core business',
  orgType: 'Type',
  outcomeGroup: 'Outcome group',
  keyObjectives: 'Key objectives',
  priorityType: 'Priority type',
  nextTarget: 'Next target',
  eventType: 'Event type',
  amountGbp: 'Amount',
  statusAsPrinted: 'Status as printed',
  asOf: 'As of',
};

export function propTitle(key: string): string {
  if (PROP_TITLES[key]) return PROP_TITLES[key];
  const words = key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatProp(key: string, value: unknown): string | string[] {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (key === 'amountGbp' && typeof value === 'number') return `£${value.toLocaleString('en-GB')}`;
  if (/date$|^asOf$|^announced$/i.test(key) && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const d = new Date(`${value}T00:00:00Z`);
    return `${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })} (${value})`;
  }
  return String(value);
}

/** Properties in schema order with the title first; the label property is shown as the heading already. */
export function displayedProps(props: Record<string, unknown>): [string, unknown][] {
  return Object.entries(props).filter(([, v]) => v !== undefined);
}

/** Progress updates newest first: by their date where they have one, else by period as printed. */
export function sortProgress<T extends { props: Record<string, unknown> }>(updates: readonly T[]): T[] {
  const key = (u: T) => String(u.props.asOf ?? u.props.period ?? '');
  return [...updates].sort((a, b) => key(b).localeCompare(key(a), 'en-GB', { numeric: true }));
}
