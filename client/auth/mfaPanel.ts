import type { MfaEnrolment, MfaStatus } from '../../model/mfa.js';
import { WriteError, writeApi } from '../http/write.js';
import { fill, h } from '../ui/dom.js';

/**
 * Two-step sign-in in the account menu, for a local account: shows whether it is on,
 * sets up an authenticator app (QR code or key, then a code to confirm), shows the
 * recovery codes once, and turns it off with the password. The server keeps every
 * state (server/auth/mfa.ts); this only draws it. Opened on demand, so the menu costs
 * no request until someone asks.
 */

type MfaApi = Pick<typeof writeApi, 'mfaStatus' | 'mfaBegin' | 'mfaConfirm' | 'mfaDisable'>;

const reasonOf = (err: unknown) => (err instanceof WriteError && err.issues.length ? err.issues.map((i) => i.reason).join('; ') : (err as Error).message);

export function mountMfaPanel(api: MfaApi = writeApi): HTMLElement {
  const body = h('div', { class: 'mfa-body' });
  const panel = h('details', { class: 'mfa-panel', id: 'mfa-panel' }, h('summary', {}, 'Two-step sign-in'), body);
  panel.addEventListener('toggle', () => {
    if (panel.open) void show();
  });

  const problem = (err: unknown) => h('p', { class: 'error', role: 'alert' }, reasonOf(err));
  /** Runs `work`, drawing its failure under the panel's current content. */
  const attempt = (work: () => Promise<void>) => work().catch((err: unknown) => body.append(problem(err)));

  async function show(): Promise<void> {
    await attempt(async () => {
      const status = await api.mfaStatus();
      fill(body, status.enabled ? onView(status) : offView());
    });
  }

  const offView = () => [
    h('p', { class: 'meta' }, 'Off: signing in needs only your password.'),
    h('button', { type: 'button', class: 'button secondary', id: 'mfa-begin', onclick: () => void attempt(async () => fill(body, enrolView(await api.mfaBegin()))) }, 'Set up an authenticator app'),
  ];

  const enrolView = (enrolment: MfaEnrolment) => {
    const code = h('input', { type: 'text', id: 'mfa-confirm-code', inputmode: 'numeric', autocomplete: 'one-time-code', required: true });
    const form = h(
      'form',
      { class: 'mfa-confirm', 'aria-label': 'Confirm the authenticator app' },
      h('div', { class: 'field' }, h('label', { for: code.id }, 'The 6-digit code it shows'), code),
      h('button', { type: 'submit', class: 'button primary' }, 'Turn on'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void attempt(async () => fill(body, recoveryView((await api.mfaConfirm(code.value.trim())).recoveryCodes)));
    });
    return [
      h('p', { class: 'meta' }, 'Scan this with your authenticator app, or type the key into it:'),
      h('img', { class: 'mfa-qr', src: enrolment.qrCode, alt: 'QR code of the key for your authenticator app', width: 180, height: 180 }),
      h('p', {}, h('code', { class: 'mfa-secret' }, enrolment.secret)),
      form,
    ];
  };

  const recoveryView = (codes: string[]) => [
    h('p', {}, 'On. Keep these recovery codes somewhere safe: each signs you in once without your phone. They are not shown again.'),
    h('ol', { class: 'mfa-recovery-codes' }, ...codes.map((c) => h('li', {}, h('code', {}, c)))),
    h('button', { type: 'button', class: 'button secondary', onclick: () => void show() }, 'I have kept them'),
  ];

  const onView = (status: MfaStatus) => {
    const password = h('input', { type: 'password', id: 'mfa-disable-password', autocomplete: 'current-password', required: true });
    const form = h(
      'form',
      { class: 'mfa-disable', 'aria-label': 'Turn two-step sign-in off' },
      h('div', { class: 'field' }, h('label', { for: password.id }, 'Password'), password),
      h('button', { type: 'submit', class: 'button secondary' }, 'Turn off'),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void attempt(async () => {
        await api.mfaDisable(password.value);
        await show();
      });
    });
    return [h('p', { class: 'meta' }, `On: signing in asks for a code. ${status.recoveryCodesLeft} recovery codes left.`), form];
  };

  return panel;
}
