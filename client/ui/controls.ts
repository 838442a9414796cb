/**
 * Keeping form controls in step with the state without rebuilding them, so that
 * focus and screen-reader position survive every render.
 */

export type Option = { value: string; label: string };

export function syncSelect(select: HTMLSelectElement, options: readonly Option[], value: string): void {
  const signature = options.map((o) => `${o.value}\u0000${o.label}`).join('\u0001');
  if (select.dataset.signature !== signature) {
    select.replaceChildren(
      ...options.map((o) => {
        const el = document.createElement('option');
        el.value = o.value;
        el.textContent = o.label;
        return el;
      }),
    );
    select.dataset.signature = signature;
  }
  if (select.value !== value) select.value = value;
}

export function setText(el: Element, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
