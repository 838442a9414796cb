import { WriteError, type CurrentValues } from '../http/write.js';
import { h } from '../ui/dom.js';
import { propTitle } from '../detail/utils.js';

/**
 * How a refused change is shown: the server's reason, each field issue (a 400's
 * `operations.0.set.timescale` is shown against the field `timescale` when the form
 * has it), and for a 409 the values someone else committed meanwhile, beside what
 * this author typed, with a button to take them up.
 */

/** The form field a server issue path points at, if any: the last name after `set.`, `props.` or `progress.`. */
export function fieldOfIssuePath(path: string): string | null {
  const m = /(?:^|\.)(?:set|props|progress)\.([A-Za-z][\w]*)/.exec(path);
  return m ? m[1]! : null;
}

export function problemBox(err: unknown, options: { typed?: Record<string, unknown>; onReload?: (current: CurrentValues) => void } = {}): HTMLElement {
  if (!(err instanceof WriteError)) return h('div', { class: 'form-problem', role: 'alert' }, h('strong', {}, 'The change could not be sent: '), (err as Error)?.message ?? String(err));
  if (err.status === 409) {
    const current = err.current[0];
    return h(
      'div',
      { class: 'conflict', role: 'alert' },
      h('strong', {}, 'Someone changed this while you were editing. '),
      err.message,
      err.issues.length > 0
        ? h(
            'ul',
            {},
            err.issues.map((i) => h('li', {}, h('strong', {}, propTitle(fieldOfIssuePath(i.field) ?? i.field)), ': ', i.reason)),
          )
        : null,
      current
        ? h(
            'table',
            { class: 'conflict-values' },
            h('caption', { class: 'meta' }, `Now at version ${current.version}`),
            h('thead', {}, h('tr', {}, h('th', {}, 'Field'), h('th', {}, 'Now'), options.typed ? h('th', {}, 'You typed') : null)),
            h(
              'tbody',
              {},
              Object.keys({ ...current.props, ...(options.typed ?? {}) })
                .filter((k) => !options.typed || JSON.stringify(current.props[k] ?? null) !== JSON.stringify(options.typed[k] ?? null))
                .map((k) => h('tr', {}, h('th', {}, propTitle(k)), h('td', {}, show(current.props[k])), options.typed ? h('td', {}, show(options.typed[k])) : null)),
            ),
          )
        : null,
      current && options.onReload ? h('button', { type: 'button', class: 'button', onclick: () => options.onReload!(current) }, 'Reload the current values') : null,
    );
  }
  const loose = err.issues.filter((i) => fieldOfIssuePath(i.field) === null);
  return h(
    'div',
    { class: 'form-problem', role: 'alert' },
    h('strong', {}, err.status === 403 ? 'Not allowed: ' : err.status === 401 ? 'Please sign in again: ' : 'The server refused the change: '),
    err.message,
    loose.length > 0
      ? h(
          'ul',
          {},
          loose.map((i) => h('li', {}, `${i.field}: ${i.reason}`)),
        )
      : null,
  );
}

/** Field issues of a refusal, by the form field they name. */
export function serverFieldErrors(err: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (err instanceof WriteError)
    for (const i of err.issues) {
      const f = fieldOfIssuePath(i.field);
      if (f && !out.has(f)) out.set(f, i.reason);
    }
  return out;
}

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return '—';
  return Array.isArray(v) ? v.join('; ') : String(v);
}
