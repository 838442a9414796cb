import type { SessionResponse } from '../../model/auth.js';
import type { Ctx } from '../app/context.js';
import { h, fill, uid } from '../ui/dom.js';
import { seminarHttp } from './http.js';
import type { Seat } from './session.js';

/**
 * Before this tab has a seat: join with the code on the projector and a display name
 * (no account), or, for a signed-in facilitator, start a seminar from the map as it is
 * now (its filters, layout and named view). A facilitator who is not signed in signs in
 * here first.
 */

export function mountSeatForms(host: HTMLElement, ctx: Ctx, o: { code: string | null; onSeat(seat: Seat): void }) {
  const field = (label: string, control: HTMLInputElement) => {
    control.id = uid('seat');
    return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
  };

  // ------------------------------------------------------------ join
  const code = h('input', { type: 'text', name: 'code', autocomplete: 'off', autocapitalize: 'characters', inputmode: 'text', maxlength: '6', value: o.code ?? '', class: 'code-input' });
  const name = h('input', { type: 'text', name: 'displayName', autocomplete: 'nickname', maxlength: '60', placeholder: 'e.g. Morag, SPS' });
  const joinMessage = h('p', { class: 'form-message', role: 'status' });
  const joinButton = h('button', { type: 'submit', class: 'button big' }, 'Join the seminar');
  const join = h(
    'form',
    { class: 'seat-form join-form', 'aria-labelledby': 'join-heading' },
    h('h2', { id: 'join-heading', tabindex: '-1' }, 'Join a seminar'),
    h('p', { class: 'meta' }, 'No account needed: the code is on the projector.'),
    field('Join code', code),
    field('Your name, as the room will see it', name),
    joinButton,
    joinMessage,
  );
  join.addEventListener('submit', async (e) => {
    e.preventDefault();
    const c = code.value.trim().toUpperCase();
    const n = name.value.trim();
    if (!/^[A-Z0-9]{6}$/.test(c)) return say(joinMessage, 'The join code is the 6 letters and digits on the projector.', code);
    if (!n) return say(joinMessage, 'Give a name the room will see next to your proposals.', name);
    joinButton.disabled = true;
    say(joinMessage, 'Joining…');
    try {
      const a = await seminarHttp.join(c, n);
      o.onSeat({ seminarId: a.seminarId, code: c, token: a.token, role: 'participant', displayName: a.participant.displayName });
    } catch (err) {
      say(joinMessage, `Could not join: ${(err as Error).message}`, code);
    } finally {
      joinButton.disabled = false;
    }
  });

  // ------------------------------------------------------------ start
  const start = h('section', { class: 'seat-form start-form', 'aria-labelledby': 'start-heading' }, h('h2', { id: 'start-heading' }, 'Run a seminar from this map'));
  const renderStart = (session: SessionResponse) => {
    const body: HTMLElement[] = [];
    if (!session.signedIn) {
      const user = h('input', { type: 'text', name: 'username', autocomplete: 'username' });
      const pass = h('input', { type: 'password', name: 'password', autocomplete: 'current-password' });
      const msg = h('p', { class: 'form-message', role: 'status' });
      const f = h(
        'form',
        { class: 'sign-in' },
        h('p', { class: 'meta' }, 'Facilitators sign in to start one.'),
        field('Username', user),
        field('Password', pass),
        h('button', { type: 'submit', class: 'button' }, 'Sign in'),
        msg,
      );
      f.addEventListener('submit', async (e) => {
        e.preventDefault();
        try {
          renderStart(await seminarHttp.signIn(user.value, pass.value));
        } catch (err) {
          say(msg, (err as Error).message, pass);
        }
      });
      body.push(f);
    } else if (!session.user.capabilities.includes('runSeminar')) {
      body.push(h('p', { class: 'meta' }, `Signed in as ${session.user.name}, a ${session.user.role}: running a seminar needs the facilitator or administrator role.`));
    } else {
      const title = h('input', { type: 'text', name: 'title', maxlength: '200', value: 'Partnership planning seminar' });
      const dots = h('input', { type: 'number', name: 'dots', min: '1', max: '20', value: '3' });
      const anonymous = h('input', { type: 'checkbox', name: 'anonymous' });
      const msg = h('p', { class: 'form-message', role: 'status' });
      const go = h('button', { type: 'submit', class: 'button big' }, 'Start the seminar');
      const s = ctx.store.get();
      const f = h(
        'form',
        { class: 'start' },
        h('p', { class: 'meta' }, `The room’s map starts from yours: ${s.namedView ? `the view “${s.namedView}”, ` : ''}its filters and the ${s.layout} layout.`),
        field('Title', title),
        field('Dots per person in dot votes', dots),
        h('label', { class: 'check' }, anonymous, ' Votes are anonymous'),
        go,
        msg,
      );
      f.addEventListener('submit', async (e) => {
        e.preventDefault();
        go.disabled = true;
        try {
          const now = ctx.store.get();
          const a = await seminarHttp.start(
            {
              title: title.value.trim() || 'Seminar',
              view: { filters: now.filters, layout: now.layout, namedView: now.namedView },
              anonymousVotes: anonymous.checked,
              dotsPerPerson: Math.max(1, Math.min(20, Number(dots.value) || 3)),
            },
            session.csrfToken,
          );
          o.onSeat({ seminarId: a.id, code: a.code, token: a.facilitatorToken, role: 'facilitator', displayName: session.user.name });
        } catch (err) {
          say(msg, `The seminar could not start: ${(err as Error).message}`);
        } finally {
          go.disabled = false;
        }
      });
      body.push(h('p', { class: 'meta' }, `Signed in as ${session.user.name}.`), f);
    }
    fill(start, h('h2', { id: 'start-heading' }, 'Run a seminar from this map'), ...body);
  };
  host.append(join, start);
  void seminarHttp.session().then(renderStart, () => fill(start, h('p', { class: 'meta' }, 'Starting a seminar needs the server’s sign-in, which did not answer.')));

  return {
    update() {
      // Nothing follows the frame: the forms keep what is typed.
    },
  };
}

function say(el: HTMLElement, text: string, focus?: HTMLElement) {
  el.textContent = text;
  focus?.focus();
}
