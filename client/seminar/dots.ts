import type { Ctx, Loaded } from '../app/context.js';
import { nodeName } from '../thread/utils.js';
import { h, fill } from '../ui/dom.js';
import type { Controller } from './controller.js';
import { secondsLeft, type Round } from './room.js';

/**
 * Dot voting on gaps or outcomes: the facilitator opens a round (what to vote on, dots
 * per person, anonymous or not, a timer); each participant spreads their dots with
 * large + and − buttons; everyone sees the ranking live and the time left.
 */

export function mountDots(host: HTMLElement, ctx: Ctx, c: Controller, data: () => Loaded | null) {
  const opener = h('div', { class: 'dots-open' });
  const rounds = h('div', { class: 'dots-rounds' });
  host.append(opener, rounds);
  /** This participant's dots per round, until sent (and after: what they gave). */
  const mine = new Map<string, Map<string, number>>();
  let renderedKey = '';
  const clock = setInterval(() => {
    for (const el of rounds.querySelectorAll<HTMLElement>('[data-ends]')) {
      const left = Math.max(0, Math.ceil((Date.parse(el.dataset.ends!) - Date.now()) / 1000));
      el.textContent = left > 0 ? `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')} left` : 'Time is up';
    }
  }, 1000);

  if (c.isFacilitator) {
    const title = h('input', { type: 'text', value: 'Which gaps matter most?', 'aria-label': 'Question' });
    const on = h('select', { 'aria-label': 'Vote on' }, h('option', { value: 'gaps' }, 'gap analyses'), h('option', { value: 'outcomes' }, 'national outcomes'));
    const dots = h('input', { type: 'number', min: '1', max: '20', value: String(c.room?.seminar.dotsPerPerson ?? 3), 'aria-label': 'Dots per person' });
    const anonymous = h('input', { type: 'checkbox', checked: c.room?.seminar.anonymousVotes ?? false });
    const minutes = h('input', { type: 'number', min: '0', max: '60', value: '3', 'aria-label': 'Timer in minutes' });
    const open = h('button', { type: 'button', class: 'button' }, 'Open the vote');
    open.addEventListener('click', async () => {
      const targets = on.value === 'gaps' ? await gapTargets(ctx) : outcomeTargets(data());
      const m = Number(minutes.value);
      open.disabled = true;
      const ack = await c.send('open-round', {
        title: title.value.trim() || 'Dot vote',
        targets,
        dotsPerPerson: Math.max(1, Math.min(20, Number(dots.value) || 3)),
        anonymous: anonymous.checked,
        ...(m > 0 ? { durationSeconds: Math.round(m * 60) } : {}),
      });
      open.disabled = false;
      if (!ack.ok) c.setNotice(`The vote could not be opened: ${ack.error.message}`);
    });
    fill(
      opener,
      h('div', { class: 'field' }, h('label', {}, 'Question'), title),
      h('div', { class: 'dots-settings' }, h('label', {}, 'On ', on), h('label', {}, 'Dots each ', dots), h('label', {}, 'Minutes ', minutes), h('label', {}, anonymous, ' anonymous')),
      open,
    );
  }

  const roundCard = (r: Round) => {
    const given = mine.get(r.id) ?? new Map<string, number>();
    const used = [...given.values()].reduce((a, b) => a + b, 0);
    const left = secondsLeft(r, Date.now());
    const open = r.status === 'open' && left !== 0;
    const max = Math.max(1, ...r.ranking.map((x) => x.score));
    const score = new Map(r.ranking.map((x) => [x.targetId, x]));
    const ordered = [...r.targets].sort((a, b) => (score.get(b.id)?.score ?? 0) - (score.get(a.id)?.score ?? 0));
    const row = (t: { id: string; label: string }) => {
      const n = given.get(t.id) ?? 0;
      const s = score.get(t.id);
      const change = (by: number) => {
        const next = Math.max(0, n + by);
        if (by > 0 && used >= r.dotsPerPerson) return c.setNotice(`You have placed all ${r.dotsPerPerson} dots; take one back first.`);
        given.set(t.id, next);
        mine.set(r.id, given);
        const allocations = [...given].filter(([, d]) => d > 0).map(([targetId, d]) => ({ targetId, dots: d }));
        void c.send('vote', { roundId: r.id, allocations }).then((ack) => {
          if (!ack.ok) c.setNotice(`Your dots were not counted: ${ack.error.message}`);
        });
        render(true);
      };
      return h(
        'li',
        { class: 'dot-row' },
        h(
          'div',
          { class: 'dot-label' },
          h('span', {}, t.label),
          h('span', { class: 'dot-bar', style: `width:${Math.round(((s?.score ?? 0) / max) * 100)}%`, 'aria-hidden': 'true' }),
          h('span', { class: 'meta' }, `${s?.score ?? 0} dots${s?.voters?.length ? ` · ${s.voters.join(', ')}` : ''}`),
        ),
        open && !c.isFacilitator
          ? h(
              'div',
              { class: 'dot-buttons' },
              h('button', { type: 'button', class: 'dot-minus', 'aria-label': `One dot fewer on ${t.label}`, disabled: n === 0, onclick: () => change(-1) }, '−'),
              h('span', { class: 'dot-mine', 'aria-label': 'your dots' }, String(n)),
              h('button', { type: 'button', class: 'dot-plus', 'aria-label': `One more dot on ${t.label}`, onclick: () => change(1) }, '+'),
            )
          : null,
      );
    };
    const close =
      c.isFacilitator && r.status === 'open' ? h('button', { type: 'button', class: 'button small', onclick: () => void c.send('close-round', { roundId: r.id }) }, 'Close the vote') : null;
    return h(
      'section',
      { class: `dot-round dot-round-${r.status}`, 'aria-label': r.title },
      h('h3', {}, r.title),
      h(
        'p',
        { class: 'meta' },
        r.status === 'closed' ? 'Closed: the final ranking.' : `${r.dotsPerPerson} dots each${r.anonymous ? ', anonymous' : ''}. `,
        r.endsAt && r.status === 'open' ? h('strong', { class: 'timer', 'data-ends': r.endsAt }, '') : null,
        !c.isFacilitator && open ? ` You have ${r.dotsPerPerson - used} left.` : '',
      ),
      h('ol', { class: 'dot-ranking' }, ordered.map(row)),
      close,
    );
  };

  function render(force = false) {
    const room = c.room;
    if (!room) return;
    const key = JSON.stringify(room.rounds.map((r) => [r.id, r.status, r.ranking]));
    if (!force && key === renderedKey) return;
    renderedKey = key;
    fill(rounds, [...room.rounds].reverse().map(roundCard));
    if (room.rounds.length === 0) rounds.append(h('p', { class: 'meta' }, c.isFacilitator ? 'No vote yet.' : 'No vote yet: the facilitator opens one.'));
  }
  return { render, destroy: () => clearInterval(clock) };
}

async function gapTargets(ctx: Ctx): Promise<{ id: string; label: string }[]> {
  const cat = await ctx.api.gapCatalogue();
  return cat.analyses.slice(0, 50).map((a) => ({ id: a.id, label: a.title.slice(0, 200) }));
}

function outcomeTargets(d: Loaded | null): { id: string; label: string }[] {
  if (!d) return [];
  return [...d.index.nodes.values()]
    .filter((n) => n.kind === 'NationalOutcome')
    .sort((a, b) => nodeName(a).localeCompare(nodeName(b), 'en-GB', { numeric: true }))
    .slice(0, 50)
    .map((n) => ({ id: n.id, label: nodeName(n).slice(0, 200) }));
}
