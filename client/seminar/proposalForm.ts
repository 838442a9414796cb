import type { NodeKind } from '../../model/nodes.js';
import type { ProposalAnswer } from '../../model/seminars.js';
import type { Ctx, Loaded } from '../app/context.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { leadsOf } from '../graph/index.js';
import { nodeName } from '../thread/utils.js';
import { h, fill, uid } from '../ui/dom.js';
import type { Controller } from './controller.js';
import { buildProposal, CORRECTABLE_FIELDS, type ProposalDraft } from './proposals.js';

/**
 * The proposal form, built for a thumb: the five kinds as large buttons, one short form
 * each about the item selected on the map (the facilitator's selection while following),
 * and one Send button. Sent over the socket; the server's dry run answers with the diff.
 */

const KINDS = [
  { id: 'link', label: 'New link' },
  { id: 'action', label: 'New action' },
  { id: 'lead', label: 'Change lead' },
  { id: 'correction', label: 'Correction' },
  { id: 'comment', label: 'Comment' },
] as const;
type Kind = (typeof KINDS)[number]['id'];

const SERVED_KINDS: NodeKind[] = ['LocalOutcome', 'Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome'];

export function mountProposalForm(host: HTMLElement, ctx: Ctx, c: Controller, data: () => Loaded | null) {
  let kind: Kind = 'link';
  const about = h('p', { class: 'propose-about' });
  const fields = h('div', { class: 'propose-fields' });
  const message = h('p', { class: 'propose-message', role: 'status' });
  const kindButtons = KINDS.map((k) => h('button', { type: 'button', class: 'seg', 'data-kind': k.id, 'aria-pressed': String(k.id === kind), onclick: () => choose(k.id) }, k.label));
  const send = h('button', { type: 'submit', class: 'button big primary propose-send' }, 'Send proposal');
  const form = h(
    'form',
    { class: 'propose', 'aria-label': 'Propose a change' },
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'Kind of proposal' }, kindButtons),
    about,
    fields,
    send,
    message,
  );
  host.append(form);

  const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>();
  const labelled = (name: string, label: string, control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) => {
    const id = uid('propose');
    control.id = id;
    control.name = name;
    inputs.set(name, control);
    return h('div', { class: 'field' }, h('label', { for: id }, label), control);
  };
  const nodeSelect = (kinds: NodeKind[], empty: string) => {
    const d = data();
    const sel = h('select', {}, h('option', { value: '' }, empty));
    if (!d) return sel;
    for (const k of kinds) {
      const nodes = [...d.index.nodes.values()].filter((n) => n.kind === k).sort((a, b) => nodeName(a).localeCompare(nodeName(b), 'en-GB', { numeric: true }));
      if (nodes.length)
        sel.append(
          h(
            'optgroup',
            { label: KIND_STYLES[k].name },
            nodes.map((n) => h('option', { value: n.id }, `${n.planShort ? `${n.planShort} · ` : ''}${nodeName(n)}`.slice(0, 110))),
          ),
        );
    }
    return sel;
  };
  const selected = () => {
    const id = ctx.store.get().selected;
    const n = id ? data()?.index.nodes.get(id) : undefined;
    return n ?? null;
  };

  function choose(k: Kind) {
    kind = k;
    for (const b of kindButtons) b.setAttribute('aria-pressed', String(b.dataset.kind === k));
    message.textContent = '';
    build();
  }

  let builtFor = '';
  function build() {
    const n = selected();
    const sameKind = builtFor.startsWith(`${kind}|`);
    builtFor = `${kind}|${n?.id ?? ''}`;
    // What the participant was typing survives the facilitator selecting something else.
    const typed = sameKind ? new Map([...inputs].filter(([k, el]) => el instanceof HTMLTextAreaElement && k !== 'value').map(([k, el]) => [k, el.value])) : new Map<string, string>();
    inputs.clear();
    const d = data();
    fill(
      about,
      n
        ? h('span', {}, 'About: ', h('strong', {}, nodeName(n)), n.label && !nodeName(n).includes(n.label) ? ` · ${n.label.length > 90 ? `${n.label.slice(0, 89)}…` : n.label}` : '')
        : h('span', { class: 'meta' }, kind === 'action' ? 'A new action in a plan.' : 'Select an item on the map (or follow the facilitator’s) to propose about it.'),
    );
    switch (kind) {
      case 'link':
        fill(
          fields,
          labelled('to', n ? `${nodeName(n)} serves…` : 'Serves…', nodeSelect(SERVED_KINDS, 'Choose an outcome or aim')),
          labelled('rationale', 'Why (rationale)', h('textarea', { rows: '3', required: true })),
        );
        break;
      case 'action': {
        const plan = nodeSelect(['Plan'], 'Choose the plan');
        const planId = n?.kind === 'Plan' ? n.id : ([...(d?.index.edges.values() ?? [])].find((e) => e.type === 'CONTAINS' && e.target === n?.id)?.source ?? ctx.store.get().filters.plan ?? '');
        plan.value = planId;
        fill(
          fields,
          labelled('plan', 'Plan', plan),
          labelled('title', 'What the action does', h('textarea', { rows: '3' })),
          labelled('serves', 'It serves (optional)', nodeSelect(SERVED_KINDS, 'Nothing yet')),
        );
        break;
      }
      case 'lead': {
        const current =
          n && d
            ? leadsOf(d.index, n.id)
                .map((id) => d.index.nodes.get(id))
                .filter((x) => !!x)
            : [];
        fill(
          fields,
          h('p', { class: 'meta' }, n?.kind === 'Action' ? `Led now by ${current.length ? current.map((o) => o.label).join(', ') : 'nobody named'}.` : 'Select an action on the map.'),
          labelled('lead', 'Should be led by', nodeSelect(['Organisation'], 'Choose an organisation')),
          labelled('why', 'Why', h('textarea', { rows: '2' })),
        );
        break;
      }
      case 'correction': {
        const options = (n ? (CORRECTABLE_FIELDS[n.kind] ?? []) : []).map((f) => h('option', { value: f }, f));
        const field = h('select', {}, options.length ? options : [h('option', { value: '' }, 'Nothing to correct here')]);
        const value = h('textarea', { rows: '2' });
        const fillValue = () => {
          value.value = field.value === 'title' || field.value === 'name' ? (n?.label ?? '') : '';
        };
        field.addEventListener('change', fillValue);
        fillValue();
        fill(fields, labelled('field', 'Field', field), labelled('value', 'Corrected text', value), labelled('why', 'Why (the source, the reason)', h('textarea', { rows: '2' })));
        break;
      }
      case 'comment':
        fill(fields, labelled('text', 'Comment', h('textarea', { rows: '4' })));
        break;
    }
    for (const [k, v] of typed) {
      const el = inputs.get(k);
      if (el && v) el.value = v;
    }
  }

  const value = (name: string) => inputs.get(name)?.value ?? '';
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const d = data();
    if (!d) return;
    const n = selected();
    const draft: ProposalDraft =
      kind === 'link'
        ? { kind, from: n?.id ?? '', to: value('to'), rationale: value('rationale') }
        : kind === 'action'
          ? { kind, plan: value('plan'), title: value('title'), serves: value('serves') || null }
          : kind === 'lead'
            ? { kind, action: n?.id ?? '', lead: value('lead'), why: value('why') }
            : kind === 'correction'
              ? { kind, node: n?.id ?? '', field: value('field'), value: value('value'), why: value('why') }
              : { kind, node: n?.id ?? '', text: value('text') };
    const built = buildProposal(draft, d.index);
    if (!built.ok) {
      message.className = 'propose-message error';
      message.textContent = `${labelOf(built.field)} ${built.reason}.`;
      (inputs.get(built.field) ?? send).focus();
      return;
    }
    send.disabled = true;
    message.className = 'propose-message';
    message.textContent = 'Sending…';
    void c.send<Partial<ProposalAnswer>>('propose', built.message).then((ack) => {
      send.disabled = false;
      if (ack.ok) {
        message.textContent = 'Proposal sent: the facilitator sees it with its exact change.';
        builtFor = '';
        build();
      } else {
        message.className = 'propose-message error';
        message.textContent = `Not sent: ${ack.error.message}${ack.error.issues.length ? ` (${ack.error.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')})` : ''}`;
      }
    });
  });

  build();
  return {
    /** The selection moved: the form is about the new item (typed text in the kind's fields starts again). */
    update() {
      const n = selected();
      if (`${kind}|${n?.id ?? ''}` !== builtFor) build();
    },
  };
}

function labelOf(field: string): string {
  const names: Record<string, string> = {
    from: 'The item',
    to: 'What it serves',
    rationale: 'The rationale',
    plan: 'The plan',
    title: 'The action',
    serves: 'What it serves',
    action: 'The action',
    lead: 'The lead',
    why: 'The reason',
    node: 'The item',
    field: 'The field',
    value: 'The corrected text',
    text: 'The comment',
  };
  return names[field] ?? field;
}
