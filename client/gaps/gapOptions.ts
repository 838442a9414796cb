import type { GapResponse } from '../../model/api.js';
import type { Api } from '../http/api.js';

/**
 * What a gap run asks for beyond the plan filter and the date the state holds: the
 * "printed links only" switch, the values of a saved analysis's parameters, and the
 * console's latest result (shown on the map as the gap "console"). Kept here rather
 * than in the URL state; every change asks for a render, and the gap key carries it, so
 * the gap cache fetches the new run and the map highlights it like any gap.
 */

export const CONSOLE_GAP = 'console';

let printedOnly = false;
const values = new Map<string, Record<string, string>>();
const consoleRuns = new Map<number, GapResponse>();
/** How many rows of a ready-made analysis the panel asks for, once "Show more" was pressed (the server's page otherwise). */
const rowLimits = new Map<string, number>();
let consoleRun = 0;
let onChange: () => void = () => undefined;

export function onGapOptionsChange(listener: () => void): void {
  onChange = listener;
}

export const isPrintedOnly = () => printedOnly;
export function setPrintedOnly(on: boolean): void {
  printedOnly = on;
  onChange();
}

export const parameterValuesOf = (id: string): Record<string, string> => values.get(id) ?? {};
export function setParameterValue(id: string, name: string, value: string): void {
  const next = { ...parameterValuesOf(id) };
  if (value) next[name] = value;
  else delete next[name];
  values.set(id, next);
  onChange();
}

export function showRowsUpTo(id: string, limit: number): void {
  rowLimits.set(id, limit);
  onChange();
}

/** Puts a console result on the map: the next render's gap key names this run. */
export function showConsoleResult(result: GapResponse): void {
  consoleRun++;
  consoleRuns.clear();
  consoleRuns.set(consoleRun, result);
  onChange();
}

/** The part of the gap key after id, plan and date. */
export function gapKeySuffix(id: string): string {
  if (id === CONSOLE_GAP) return `|run=${consoleRun}`;
  const p = new URLSearchParams(parameterValuesOf(id));
  // Saved analyses take their own parameters only; the basis switch is the ready-made analyses'.
  if (printedOnly && !isSavedAnalysis(id)) p.set('basis', 'printed');
  const limit = rowLimits.get(id);
  if (limit && !isSavedAnalysis(id)) p.set('limit', String(limit));
  return `|${p.toString()}`;
}

/** Saved analyses and the templates shipped with them (server/analyses/). */
export const isSavedAnalysis = (id: string) => /^(saved|template)-/.test(id);

/** The gap cache's fetcher: a key made by gapKey (id|plan|asOf|query) back to a request. */
export function fetchGap(api: Api, key: string, signal: AbortSignal, limit?: number): Promise<GapResponse> {
  const [id = '', plan = '', asOf = '', ...rest] = key.split('|');
  const query = Object.fromEntries(new URLSearchParams(rest.join('|')));
  if (limit) query.limit = String(limit);
  if (id === CONSOLE_GAP) {
    const run = consoleRuns.get(Number(query.run));
    return run ? Promise.resolve(run) : Promise.reject(new Error('no console result to show: run a query in the console'));
  }
  // A saved analysis takes only its own parameters (the server refuses others): plan and date only when it declares them.
  if (isSavedAnalysis(id)) return api.gap(id, query, signal);
  return api.gap(id, { ...(plan ? { plan } : {}), ...(asOf ? { asOf } : {}), ...query }, signal);
}
