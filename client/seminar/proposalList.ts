import type { ProposalInfo } from '../../model/seminars.js';
import type { Loaded } from '../app/context.js';
import { h, fill } from '../ui/dom.js';
import type { Controller } from './controller.js';
import { renderDiff } from './diffView.js';
import { netSupport, orderedProposals } from './room.js';

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The room's proposals, open ones first: each with its author, comment and exact diff,
 * thumbs up and down for everyone, and for the facilitator Accept, or Decline with a
 * reason. Outcomes arrive as logged events, so every screen shows the same decision.
 */

const KIND_NAMES: Record<ProposalInfo['kind'], string> = { link: 'New link', action: 'New action', lead: 'Change of lead', correction: 'Correction', comment: 'Comment' };

export function mountProposalList(host: HTMLElement, c: Controller, data: () => Loaded | null) {
  const list = h('ol', { class: 'proposal-list', 'aria-label': 'Proposals' });
  const empty = h('p', { class: 'meta' }, 'No proposals yet.');
  host.append(empty, list);
  const myVotes = new Map<string, 1 | -1 | 0>();
  /** Decline forms being typed in: a re-render keeps them open with their text. */
  const declining = new Map<string, string>();
  let renderedKey = '';

  const act = (p: ProposalInfo, name: 'accept' | 'decline' | 'vote', payload: unknown, button: HTMLButtonElement) => {
    button.disabled = true;
    void c.send(name, payload).then((ack) => {
      button.disabled = false;
      if (!ack.ok) c.setNotice(`${name === 'vote' ? 'Vote' : name === 'accept' ? 'Accepting' : 'Declining'} “${p.comment.slice(0, 40)}” failed: ${ack.error.message}`);
      else if (name === 'decline') declining.delete(p.id);
      render(true);
    });
  };

  const card = (p: ProposalInfo) => {
    const mine = myVotes.get(p.id) ?? 0;
    const vote = (v: 1 | -1, label: string) => {
      const b = h(
        'button',
        { type: 'button', class: `vote-button vote-${v > 0 ? 'up' : 'down'}`, 'aria-pressed': String(mine === v), 'aria-label': label, disabled: p.status !== 'open' },
        v > 0 ? '▲ For' : '▼ Against',
      );
      b.addEventListener('click', () => {
        const next = mine === v ? 0 : v;
        myVotes.set(p.id, next);
        act(p, 'vote', { proposalId: p.id, value: next }, b);
      });
      return b;
    };
    const decide: HTMLElement[] = [];
    if (c.isFacilitator && p.status === 'open') {
      const accept = h('button', { type: 'button', class: 'button accept' }, 'Accept');
      accept.addEventListener('click', () => act(p, 'accept', { proposalId: p.id }, accept));
      const reason = h('input', { type: 'text', class: 'decline-reason', placeholder: 'Reason for declining', 'aria-label': 'Reason for declining', value: declining.get(p.id) ?? '' });
      reason.addEventListener('input', () => declining.set(p.id, reason.value));
      const decline = h('button', { type: 'button', class: 'button secondary decline' }, 'Decline');
      decline.addEventListener('click', () => {
        if (!reason.value.trim()) {
          reason.focus();
          c.setNotice('Say why the proposal is declined: the room and the record see the reason.');
          return;
        }
        act(p, 'decline', { proposalId: p.id, reason: reason.value.trim() }, decline);
      });
      decide.push(h('div', { class: 'decide' }, accept, reason, decline));
    }
    const outcome =
      p.status === 'accepted'
        ? h('p', { class: 'outcome accepted' }, '✔ Accepted: now on the map', p.changeId ? h('span', { class: 'meta' }, ` (change ${p.changeId})`) : null)
        : p.status === 'declined'
          ? h('p', { class: 'outcome declined' }, '✘ Declined: ', p.declineReason ?? '')
          : null;
    const diff = renderDiff(p.diff, data()?.index ?? null);
    return h(
      'li',
      { class: `proposal proposal-${p.status}`, 'data-proposal': p.id },
      h('div', { class: 'proposal-head' }, h('span', { class: 'proposal-kind' }, KIND_NAMES[p.kind]), h('span', { class: 'meta' }, ` by ${p.author.displayName}`)),
      h('p', { class: 'proposal-comment' }, p.comment),
      c.isFacilitator ? diff : h('details', { class: 'proposal-diff' }, h('summary', {}, 'What it changes'), diff),
      outcome,
      h(
        'div',
        { class: 'votes', role: 'group', 'aria-label': 'Vote' },
        vote(1, 'Vote for'),
        h('span', { class: 'net-support', 'aria-label': 'net support' }, signed(netSupport(p.votes))),
        vote(-1, 'Vote against'),
      ),
      ...decide,
    );
  };

  function render(force = false) {
    const room = c.room;
    if (!room) return;
    const ordered = orderedProposals(room);
    const key = JSON.stringify(ordered.map((p) => [p.id, p.status, p.votes, myVotes.get(p.id) ?? 0]));
    if (!force && key === renderedKey) return;
    // Typing a decline reason: a re-render would take the focus away mid-word.
    if (!force && host.contains(document.activeElement) && document.activeElement instanceof HTMLInputElement) return;
    renderedKey = key;
    empty.hidden = ordered.length > 0;
    fill(list, ordered.map(card));
  }
  return { render };
}
