import type { NodeElementData } from '../../model/api.js';
import { OKABE_ITO } from '../graph/kinds.js';
import type { StyleRule } from '../state/types.js';
import { STYLE_RULE_NAMES } from '../state/types.js';

/**
 * Styling by data: the fill colour of each node under a styling rule (status, plan,
 * kind of organisation, due date), and the legend that explains it. Nodes the rule
 * says nothing about keep their kind's colour. Pure: the map applies the colours.
 */

export const STATUS_COLOURS: Record<string, string> = {
  'not started': '#ffffff',
  'on target': OKABE_ITO.bluishGreen,
  'part complete': OKABE_ITO.skyBlue,
  complete: OKABE_ITO.blue,
  ongoing: OKABE_ITO.yellow,
  'not required': '#bbbbbb',
  delayed: OKABE_ITO.vermillion,
  unknown: '#dddddd',
};

/** Categorical colours for plans and organisation types, distinguishable in order. */
const PALETTE = [OKABE_ITO.orange, OKABE_ITO.skyBlue, OKABE_ITO.bluishGreen, OKABE_ITO.yellow, OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.reddishPurple, '#999999', '#6b3e00', '#1b5e20'];

export const DUE_COLOURS = { overdue: OKABE_ITO.vermillion, soon: OKABE_ITO.orange, later: OKABE_ITO.skyBlue, none: '#dddddd' } as const;

type Data = { index: { nodes: ReadonlyMap<string, NodeElementData> } };

/** When a due date counts as overdue: before today and not complete or not required. */
export function dueClass(n: Pick<NodeElementData, 'dueDate' | 'status'>, today: string): keyof typeof DUE_COLOURS | null {
  if (!n.dueDate) return null;
  const done = n.status === 'complete' || n.status === 'not required';
  if (n.dueDate < today) return done ? 'later' : 'overdue';
  const inAYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  return n.dueDate <= inAYear ? 'soon' : 'later';
}

export function dataColours(rule: StyleRule, data: Data, today: string): Map<string, string> | null {
  if (rule === 'kind') return null;
  const out = new Map<string, string>();
  const categories = categoriesOf(rule, data);
  for (const n of data.index.nodes.values()) {
    if (rule === 'status' && n.status) out.set(n.id, STATUS_COLOURS[n.status] ?? STATUS_COLOURS.unknown!);
    else if (rule === 'plan' && n.plan && n.kind !== 'Plan') out.set(n.id, categories.get(n.plan) ?? '#999999');
    else if (rule === 'organisationType' && n.kind === 'Organisation') out.set(n.id, categories.get(n.orgType ?? 'unknown') ?? '#999999');
    else if (rule === 'due' && (n.kind === 'Action' || n.kind === 'Milestone')) {
      const c = dueClass(n, today);
      out.set(n.id, DUE_COLOURS[c ?? 'none']);
    }
  }
  return out;
}

function categoriesOf(rule: StyleRule, data: Data): Map<string, string> {
  const keys = new Set<string>();
  for (const n of data.index.nodes.values()) {
    if (rule === 'plan' && n.kind === 'Plan') keys.add(n.id);
    if (rule === 'organisationType' && n.kind === 'Organisation') keys.add(n.orgType ?? 'unknown');
  }
  return new Map([...keys].sort().map((k, i) => [k, PALETTE[i % PALETTE.length]!]));
}

/** The legend of a styling rule: each colour and what it means. */
export function styleLegend(rule: StyleRule, data: Data): { title: string; entries: { label: string; colour: string }[] } | null {
  if (rule === 'kind') return null;
  const title = STYLE_RULE_NAMES[rule];
  if (rule === 'status') return { title, entries: Object.entries(STATUS_COLOURS).map(([label, colour]) => ({ label, colour })) };
  if (rule === 'due')
    return {
      title,
      entries: [
        { label: 'overdue', colour: DUE_COLOURS.overdue },
        { label: 'due within a year', colour: DUE_COLOURS.soon },
        { label: 'due later, or done', colour: DUE_COLOURS.later },
        { label: 'no due date', colour: DUE_COLOURS.none },
      ],
    };
  const categories = categoriesOf(rule, data);
  return { title, entries: [...categories].map(([key, colour]) => ({ label: rule === 'plan' ? (data.index.nodes.get(key)?.label ?? key) : key, colour })) };
}
