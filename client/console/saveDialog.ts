import { ANALYSIS_PARAMETER_TYPES, type AnalysisParameter } from '../../model/analyses.js';
import { h } from '../ui/dom.js';
import { ConsoleError, saveAnalysis } from './consoleApi.js';

/**
 * The save dialog: title, explanation, and a type for each $parameter the query uses
 * (text, plan, organisation, outcome, date). The server checks the query as the console
 * would run it; its refusal, naming the field, is shown in the dialog.
 */

export function openSaveDialog(cypher: string, names: string[], onSaved: (id: string, title: string) => void): HTMLDialogElement {
  const error = h('p', { class: 'error', role: 'alert', hidden: true });
  const title = h('input', { id: 'save-title', type: 'text', required: true, maxlength: '120' });
  const explanation = h('textarea', { id: 'save-explanation', rows: '3', maxlength: '2000' });
  const typeSelects = names.map((name, i) =>
    h(
      'div',
      { class: 'field inline' },
      h('label', { for: `save-param-${i}` }, `$${name}`),
      h(
        'select',
        { id: `save-param-${i}`, 'data-param': name },
        ANALYSIS_PARAMETER_TYPES.map((t) => h('option', { value: t, ...(guessType(name) === t ? { selected: true } : {}) }, t)),
      ),
    ),
  );
  const dialog = h(
    'dialog',
    { class: 'console-save', 'aria-labelledby': 'save-heading' },
    h(
      'form',
      { method: 'dialog' },
      h('h3', { id: 'save-heading' }, 'Save as an analysis for everyone'),
      h('div', { class: 'field' }, h('label', { for: 'save-title' }, 'Title'), title),
      h('div', { class: 'field' }, h('label', { for: 'save-explanation' }, 'Explanation'), explanation),
      names.length ? h('fieldset', {}, h('legend', {}, 'Parameters'), typeSelects) : h('p', { class: 'hint' }, 'The query takes no $parameters.'),
      error,
      h(
        'div',
        { class: 'dialog-buttons' },
        h('button', { type: 'button', class: 'button secondary', onclick: () => dialog.close() }, 'Cancel'),
        h('button', { type: 'submit', class: 'button', id: 'save-confirm' }, 'Save'),
      ),
    ),
  );
  dialog.querySelector('form')!.addEventListener('submit', async (e) => {
    e.preventDefault();
    const parameters: AnalysisParameter[] = names.map((name, i) => ({ name, type: (dialog.querySelector(`#save-param-${i}`) as HTMLSelectElement).value as AnalysisParameter['type'] }));
    try {
      const saved = await saveAnalysis({ title: title.value.trim(), explanation: explanation.value.trim(), cypher, parameters });
      dialog.close();
      onSaved(saved.analysis.id, saved.analysis.title);
    } catch (err) {
      error.hidden = false;
      error.textContent = err instanceof ConsoleError ? `${err.message}${err.issues.length ? ` (${err.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')})` : ''}` : String(err);
    }
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  title.focus();
  return dialog;
}

function guessType(name: string): AnalysisParameter['type'] {
  const n = name.toLowerCase();
  if (n.includes('plan')) return 'plan';
  if (n.includes('org')) return 'organisation';
  if (n.includes('outcome') || n.includes('aim')) return 'outcome';
  if (n.includes('date') || n.includes('since') || n.includes('asof')) return 'date';
  return 'text';
}
