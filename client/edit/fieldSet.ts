import { propTitle } from '../detail/utils.js';
import { h, uid } from '../ui/dom.js';
import { inputFromValue, valueFromInput, type FieldSpec } from './schemaFields.js';

/**
 * The inputs of a schema-derived form (edit/schemaFields.ts): one labelled input per
 * field with its hint and a place for its error, read back as the values the schema
 * takes. Used by the node, progress and new-action forms alike.
 */

type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

export type FieldSet = {
  elements: HTMLElement[];
  read(): Record<string, unknown>;
  set(props: Record<string, unknown>): void;
  showErrors(errors: Map<string, string>): void;
};

export function createFieldSet(fields: readonly FieldSpec[], start: Record<string, unknown>): FieldSet {
  const inputs = new Map<string, { spec: FieldSpec; el: Input; box: HTMLElement; error: HTMLElement }>();
  const write = (spec: FieldSpec, el: Input, value: unknown) => {
    const v = inputFromValue(spec, value);
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === true;
    else el.value = String(v);
  };
  const elements = fields.map((spec) => {
    const id = uid(`edit-${spec.name}`);
    let el: Input;
    if (spec.input === 'choice')
      el = h(
        'select',
        { id, name: spec.name },
        spec.required ? null : h('option', { value: '' }, '— none —'),
        spec.options.map((o) => h('option', { value: o }, o)),
      );
    else if (spec.input === 'longText' || spec.input === 'lines') el = h('textarea', { id, name: spec.name, rows: spec.input === 'lines' ? 4 : 3 });
    else if (spec.input === 'yesNo') el = h('input', { id, name: spec.name, type: 'checkbox' });
    else {
      const type = spec.input === 'integer' || spec.input === 'number' ? 'number' : spec.input === 'date' ? 'date' : spec.input === 'url' ? 'url' : 'text';
      el = h('input', { id, name: spec.name, type, ...(spec.input === 'integer' ? { step: '1', inputmode: 'numeric' } : spec.input === 'number' ? { step: 'any' } : {}) });
    }
    write(spec, el, start[spec.name]);
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    const hint = [spec.input === 'lines' ? 'one per line' : null, spec.required ? null : 'may be left empty', spec.hint].filter(Boolean).join(' · ');
    const label = h('label', { for: id }, propTitle(spec.name), spec.required ? h('span', { class: 'meta' }, ' (required)') : null);
    el.setAttribute('aria-describedby', error.id);
    const box = h(
      'div',
      { class: spec.input === 'yesNo' ? 'field check' : 'field', 'data-field': spec.name },
      ...(spec.input === 'yesNo' ? [el, label] : [label, el]),
      hint ? h('p', { class: 'field-hint' }, hint) : null,
      error,
    );
    inputs.set(spec.name, { spec, el, box, error });
    return box;
  });
  return {
    elements,
    read() {
      const out: Record<string, unknown> = {};
      for (const [name, { spec, el }] of inputs) out[name] = valueFromInput(spec, el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value);
      return out;
    },
    set(props) {
      for (const { spec, el } of inputs.values()) write(spec, el, props[spec.name]);
    },
    showErrors(errors) {
      for (const [name, { box, error, el }] of inputs) {
        const message = errors.get(name);
        box.dataset.invalid = String(!!message);
        error.hidden = !message;
        error.textContent = message ?? '';
        el.setAttribute('aria-invalid', String(!!message));
      }
      [...inputs.values()].find((i) => errors.has(i.spec.name))?.el.focus();
    },
  };
}

/** The banner above a form that the browser's own check refused. */
export function correctionNote(count: number): HTMLElement {
  return h('div', { class: 'form-problem', role: 'alert' }, `Please correct ${count === 1 ? 'the field marked' : `the ${count} fields marked`} below.`);
}
