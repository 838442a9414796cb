import type { GapCatalogueEntry } from '../../model/api.js';
import type { Frame } from '../app/context.js';
import { nodeName } from '../../model/queryResult.js';
import { h } from '../ui/dom.js';
import { parameterValuesOf, setParameterValue } from './gapOptions.js';

/**
 * Inputs for a saved analysis's typed parameters: a list of the map's plans,
 * organisations or outcomes by name (never an id to type), a date, or text. Left empty,
 * a parameter means "any" (the templates read '' so). A ready-made analysis's number
 * (near-duplicates' threshold) is a number input from 0 to 1.
 */

const KINDS: Record<string, readonly string[]> = {
  plan: ['Plan'],
  organisation: ['Organisation'],
  outcome: ['NationalOutcome', 'StrategicAim', 'FrameworkOutcome', 'LocalOutcome', 'Priority'],
};

export function parameterInputs(entry: GapCatalogueEntry, f: Frame): HTMLElement | null {
  // A ready-made analysis takes its plan from the plan filter and its date from "As of": only a number (near-duplicates' threshold) is its own.
  const shown = entry.saved ? entry.parameters : entry.parameters.filter((p) => p.type === 'number');
  if (shown.length === 0) return null;
  const values = parameterValuesOf(entry.id);
  const fields = shown.map((p, i) => {
    const id = `gap-param-${i}`;
    const onchange = (e: Event) => setParameterValue(entry.id, p.name, (e.target as HTMLInputElement | HTMLSelectElement).value.trim());
    const kinds = KINDS[p.type];
    let input: HTMLElement;
    if (kinds) {
      const nodes = [...f.data.index.nodes.values()].filter((n) => kinds.includes(n.kind)).sort((a, b) => nodeName(a).localeCompare(nodeName(b), 'en', { numeric: true }));
      input = h(
        'select',
        { id, 'data-param': p.name, onchange },
        h('option', { value: '' }, 'any'),
        nodes.map((n) => h('option', { value: n.id, ...(values[p.name] === n.id ? { selected: 'selected' } : {}) }, nodeName(n))),
      );
    } else if (p.type === 'number' && !entry.saved) {
      const value = values[p.name] ?? String(p.default ?? '');
      input = h('input', { id, 'data-param': p.name, type: 'number', min: '0', max: '1', step: '0.05', value, onchange, title: p.description });
    } else {
      input = h('input', { id, 'data-param': p.name, type: p.type === 'date' ? 'date' : 'text', value: values[p.name] ?? '', onchange, placeholder: p.type === 'text' ? 'any' : '' });
    }
    return h('div', { class: 'field inline' }, h('label', { for: id }, entry.saved ? p.name : 'How alike (0 to 1)'), input);
  });
  return h('div', { class: 'gap-params', role: 'group', 'aria-label': 'Parameters of this analysis' }, fields);
}
