import { h, uid } from '../ui/dom.js';

/** The "why" every edit form asks for: it goes into the audit entry and the history ("because …"). */
export function reasonField(): { el: HTMLElement; value(): { reason?: string } } {
  const id = uid('edit-reason');
  const input = h('input', { type: 'text', id, name: 'reason', maxlength: 2000, placeholder: 'e.g. agreed at the March partnership meeting' });
  const el = h('div', { class: 'field' }, h('label', { for: id }, 'Why (recorded in the history)'), input);
  return { el, value: () => (input.value.trim() ? { reason: input.value.trim() } : {}) };
}
