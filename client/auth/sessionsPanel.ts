import type { AccountSession } from '../../model/account.js';
import { WriteError, writeApi } from '../http/write.js';
import { fill, h } from '../ui/dom.js';

/**
 * "Where you are signed in" in the account menu: each live session with when it began and
 * was last seen, this browser marked, and "Sign out everywhere else" (with the password, for
 * a local account) or one session at a time. Asked for only when opened.
 */

type SessionsApi = Pick<typeof writeApi, 'accountSessions' | 'endSessions'>;

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const howBegan = (via: string) => (via === 'password' ? 'with a password' : `through ${via.slice('oidc:'.length)}`);

export function mountSessionsPanel(needsPassword: boolean, api: SessionsApi = writeApi): HTMLElement {
  const body = h('div', { class: 'sessions-body' });
  const panel = h('details', { class: 'sessions-panel', id: 'sessions-panel' }, h('summary', {}, 'Where you are signed in'), body);
  panel.addEventListener('toggle', () => {
    if (panel.open) void show();
  });
  const password = h('input', { type: 'password', id: 'sessions-password', autocomplete: 'current-password' });
  const problem = h('p', { class: 'error', role: 'alert', hidden: true });

  const end = (sessions: 'others' | string[]) => {
    problem.hidden = true;
    api.endSessions(sessions, needsPassword ? password.value : undefined).then(
      (r) => {
        password.value = '';
        draw(r.sessions, `${r.ended} ${r.ended === 1 ? 'session' : 'sessions'} signed out.`);
      },
      (err: unknown) => {
        problem.hidden = false;
        problem.textContent =
          err instanceof WriteError && err.code === 'wrong_password'
            ? 'The password is wrong.'
            : err instanceof WriteError && err.issues[0]
              ? `Password: ${err.issues[0].reason}.`
              : (err as Error).message;
        password.select();
      },
    );
  };

  const row = (s: AccountSession) =>
    h(
      'li',
      { class: s.current ? 'session current' : 'session', 'data-handle': s.handle },
      h('span', {}, s.current ? h('strong', {}, 'This browser') : 'Another browser', ` · signed in ${when(s.createdAt)} ${howBegan(s.via)} · last seen ${when(s.lastSeenAt)}`),
      s.current ? null : h('button', { type: 'button', class: 'button secondary small', onclick: () => end([s.handle]) }, 'Sign out'),
    );

  function draw(sessions: AccountSession[], note?: string): void {
    const others = sessions.filter((s) => !s.current).length;
    fill(
      body,
      note ? h('p', { class: 'meta', role: 'status' }, note) : null,
      h('ul', { class: 'session-list' }, ...sessions.map(row)),
      others > 0 && needsPassword ? h('div', { class: 'field' }, h('label', { for: password.id }, 'Your password (needed to sign any other browser out)'), password) : null,
      others > 0
        ? h('button', { type: 'button', class: 'button secondary', id: 'sessions-end-others', onclick: () => end('others') }, 'Sign out everywhere else')
        : h('p', { class: 'meta' }, 'Nowhere else.'),
      problem,
    );
  }

  async function show(): Promise<void> {
    try {
      draw((await api.accountSessions()).sessions);
    } catch (err) {
      fill(body, h('p', { class: 'error', role: 'alert' }, `Could not list them: ${(err as Error).message}`));
    }
  }
  return panel;
}
