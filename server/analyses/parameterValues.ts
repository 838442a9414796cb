import type { AnalysisParameter, AnalysisParameterType } from '../../model/analyses.js';
import type { NodeElementData, NodeKind } from '../../model/index.js';
import { HttpError } from '../api/errors.js';
import { nodeSummaries } from '../graph/summaries.js';
import type { GraphStore } from '../store/port.js';

/**
 * The values a saved analysis runs with, from the query string: each declared parameter
 * as text ('' when not given, which the shipped queries read as "any"), checked against
 * its type: a plan, organisation or outcome must be the id of one that exists, a date
 * must be YYYY-MM-DD. Anything wrong is a 400 naming the parameter.
 */

const KINDS: Partial<Record<AnalysisParameterType, readonly NodeKind[]>> = {
  plan: ['Plan'],
  organisation: ['Organisation'],
  outcome: ['NationalOutcome', 'StrategicAim', 'FrameworkOutcome', 'LocalOutcome', 'Priority'],
};
const WHAT: Record<AnalysisParameterType, string> = {
  text: 'text',
  plan: 'a plan',
  organisation: 'an organisation',
  outcome: 'a national outcome, strategic aim, framework outcome, local outcome or priority',
  date: 'a date',
};

export async function parameterValues(store: GraphStore, declared: readonly AnalysisParameter[], query: Record<string, unknown>): Promise<Record<string, string>> {
  const issues: { field: string; reason: string }[] = [];
  const known = new Set(declared.map((p) => p.name));
  for (const name of Object.keys(query))
    if (!known.has(name)) issues.push({ field: name, reason: `is not a parameter of this analysis${declared.length ? ` (it takes ${declared.map((p) => p.name).join(', ')})` : ' (it takes none)'}` });
  const values: Record<string, string> = {};
  for (const p of declared) {
    const raw = query[p.name];
    if (raw !== undefined && typeof raw !== 'string') {
      issues.push({ field: p.name, reason: 'must be given once' });
      continue;
    }
    const value = (raw ?? '').trim();
    if (value.length > 500) issues.push({ field: p.name, reason: 'must be at most 500 characters' });
    if (p.type === 'date' && value && !isIsoDate(value)) issues.push({ field: p.name, reason: 'must be a date written YYYY-MM-DD' });
    values[p.name] = value;
  }
  const ids = declared.filter((p) => KINDS[p.type] && values[p.name]).map((p) => values[p.name]!);
  const found = ids.length ? await nodeSummaries(store, ids) : new Map<string, NodeElementData>();
  for (const p of declared) {
    const kinds = KINDS[p.type];
    const value = values[p.name];
    if (!kinds || !value) continue;
    const node = found.get(value);
    if (!node) issues.push({ field: p.name, reason: `must be the id of ${WHAT[p.type]}: there is no node ${value}` });
    else if (!kinds.includes(node.kind)) issues.push({ field: p.name, reason: `must be the id of ${WHAT[p.type]}, not of a ${node.kind}` });
  }
  if (issues.length) throw new HttpError(400, 'bad_request', issues.map((i) => `${i.field}: ${i.reason}`).join('; '), issues);
  return values;
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Values for the engine's plan check when an analysis is saved: each parameter bound, as the run will bind it. */
export function sampleValues(declared: readonly AnalysisParameter[]): Record<string, string> {
  return Object.fromEntries(declared.map((p) => [p.name, '']));
}
