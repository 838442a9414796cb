import { WriteError } from '../http/write.js';
import { h, fill } from '../ui/dom.js';
import type { Session } from './session.js';
import { fetchOidcProviders, startUrlOf, type OidcProviderEntry } from './oidcProviders.js';
import { mountMfaPanel } from './mfaPanel.js';
import { mountPasswordPanel } from './passwordPanel.js';
import { mountSessionsPanel } from './sessionsPanel.js';
import { secondFactorOf, secondFactorRefusal } from './secondFactor.js';
import '../edit/editing.css';

/**
 * The header's account control: "Sign in" opens a small form (username, password, and
 * the authenticator's code when the server asks for it); signed in, the button names the
 * person and their role, and opens two-step sign-in (mfaPanel.ts), the password
 * (passwordPanel.ts), where they are signed in (sessionsPanel.ts) and "Sign out".
 * The session is the server's; this only shows it and asks for changes to it.
 */

export function mountAccountControl(slot: HTMLElement, session: Session): { destroy(): void } {
  const button = h('button', { type: 'button', class: 'tool account-button', id: 'account-button', 'aria-expanded': 'false', 'aria-controls': 'account-menu' });
  const menu = h('div', { class: 'menu account-menu', id: 'account-menu', role: 'group', 'aria-label': 'Account', hidden: true });
  slot.append(button, menu);

  const setOpen = (open: boolean) => {
    menu.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) menu.querySelector<HTMLElement>('input, button')?.focus();
  };
  button.addEventListener('click', () => setOpen(menu.hidden === true));
  const onDocClick = (e: MouseEvent) => {
    if (!menu.hidden && !slot.contains(e.target as Node)) setOpen(false);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !menu.hidden) {
      setOpen(false);
      button.focus();
      e.stopPropagation();
    }
  };
  document.addEventListener('click', onDocClick);
  menu.addEventListener('keydown', onKey);

  // The organisations' identity providers, asked once; added under a form already drawn, without clearing what was typed.
  let providers: OidcProviderEntry[] = [];
  void fetchOidcProviders().then((list) => {
    providers = list;
    const links = providerLinks();
    if (links && menu.querySelector('.sign-in-form') && !menu.querySelector('.oidc-providers')) menu.append(links);
  });
  const providerLinks = () =>
    providers.length
      ? h(
          'div',
          { class: 'oidc-providers', role: 'group', 'aria-label': 'Sign in through your organisation' },
          h('p', { class: 'meta' }, 'Or through your organisation:'),
          ...providers.map((p) => h('a', { class: 'button secondary oidc-provider', href: startUrlOf(p), 'data-provider': p.id }, `Sign in with ${p.name}`)),
        )
      : null;

  const signInForm = () => {
    const user = h('input', { type: 'text', id: 'sign-in-username', name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true });
    const pass = h('input', { type: 'password', id: 'sign-in-password', name: 'password', autocomplete: 'current-password', required: true });
    // Shown once the server says the account needs a second factor (the same request is then sent again with it).
    const code = h('input', { type: 'text', id: 'sign-in-code', name: 'one-time-code', autocomplete: 'one-time-code', inputmode: 'numeric', autocapitalize: 'none', spellcheck: 'false' });
    const codeField = h('div', { class: 'field', hidden: true }, h('label', { for: code.id }, 'Code from your authenticator app (or a recovery code)'), code);
    const problem = h('p', { class: 'error', role: 'alert', hidden: true });
    const submit = h('button', { type: 'submit', class: 'button primary' }, 'Sign in');
    const form = h(
      'form',
      { class: 'sign-in-form', 'aria-label': 'Sign in' },
      h('div', { class: 'field' }, h('label', { for: user.id }, 'Username'), user),
      h('div', { class: 'field' }, h('label', { for: pass.id }, 'Password'), pass),
      codeField,
      problem,
      submit,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit.disabled = true;
      problem.hidden = true;
      session.signIn(user.value, pass.value, codeField.hidden ? {} : secondFactorOf(code.value)).then(
        () => setOpen(false),
        (err: unknown) => {
          submit.disabled = false;
          problem.hidden = false;
          const askForCode = secondFactorRefusal(err);
          if (askForCode) {
            codeField.hidden = false;
            problem.textContent = askForCode;
            code.select();
            return;
          }
          problem.textContent = err instanceof WriteError && err.status === 401 ? 'Wrong username or password.' : `Could not sign in: ${(err as Error).message}`;
          pass.select();
        },
      );
    });
    return form;
  };

  const render = () => {
    const u = session.user();
    if (!u) {
      fill(button, 'Sign in');
      button.title = 'Sign in to edit';
      fill(menu, signInForm(), providerLinks());
      return;
    }
    fill(button, h('span', { class: 'account-name' }, u.name), h('span', { class: 'account-role' }, u.role));
    button.title = `Signed in as ${u.name} (${u.role})`;
    fill(
      menu,
      h('p', { class: 'account-who' }, 'Signed in as ', h('strong', {}, u.name), ` (${u.username}), `, h('span', { class: 'role-badge' }, u.role)),
      u.organisationId ? h('p', { class: 'meta' }, `For ${u.organisationId}`) : null,
      // Local accounts only: people of an identity provider get its second factor.
      u.username.startsWith('oidc:') ? null : mountMfaPanel(),
      u.username.startsWith('oidc:') ? null : mountPasswordPanel(),
      mountSessionsPanel(!u.username.startsWith('oidc:')),
      h('button', { type: 'button', class: 'button secondary', id: 'sign-out', onclick: () => void session.signOut().then(() => setOpen(false)) }, 'Sign out'),
    );
  };
  const unsubscribe = session.subscribe(render);
  render();
  return {
    destroy() {
      unsubscribe();
      document.removeEventListener('click', onDocClick);
      slot.replaceChildren();
    },
  };
}
