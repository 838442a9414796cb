import { session as httpSession } from '../http/authSession.js';
import { setCsrfToken, WriteError, writeApi } from '../http/write.js';
import { fill, h } from '../ui/dom.js';

/**
 * "Change password" in the account menu, for a local account: the current password and the
 * new one. The server ends every other session of the account and gives this browser a new
 * one, whose CSRF token the writes take from the answer (the account and its role are
 * unchanged, so the menu is not redrawn and its message stays). Refusals show the server's
 * reason for the field it names.
 */

type PasswordApi = Pick<typeof writeApi, 'changePassword'>;

export function mountPasswordPanel(api: PasswordApi = writeApi): HTMLElement {
  const current = h('input', { type: 'password', id: 'password-current', autocomplete: 'current-password', required: true });
  const next = h('input', { type: 'password', id: 'password-new', autocomplete: 'new-password', required: true, minlength: 12 });
  const status = h('p', { class: 'meta', id: 'password-status', role: 'status' });
  const form = h(
    'form',
    { class: 'password-change', 'aria-label': 'Change your password' },
    h('div', { class: 'field' }, h('label', { for: current.id }, 'Current password'), current),
    h('div', { class: 'field' }, h('label', { for: next.id }, 'New password (12 characters or more)'), next),
    h('button', { type: 'submit', class: 'button secondary' }, 'Change password'),
    status,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    fill(status);
    status.classList.remove('error');
    api.changePassword(current.value, next.value).then(
      async (answer) => {
        current.value = '';
        next.value = '';
        setCsrfToken(answer.csrfToken);
        // The other session cache (imports, views) reads the new session too.
        await httpSession(true);
        fill(status, 'Changed. You are still signed in here; everywhere else you were signed in has been signed out.');
      },
      (err: unknown) => {
        status.classList.add('error');
        const issue = err instanceof WriteError ? err.issues[0] : undefined;
        fill(
          status,
          err instanceof WriteError && err.code === 'wrong_password' ? 'The current password is wrong.' : issue ? `New password: ${issue.reason}.` : `Could not change it: ${(err as Error).message}`,
        );
        (err instanceof WriteError && err.code === 'wrong_password' ? current : next).select();
      },
    );
  });
  return h('details', { class: 'password-panel', id: 'password-panel' }, h('summary', {}, 'Change password'), form);
}
