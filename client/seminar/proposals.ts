import type { z } from 'zod';
import type { ChangeOperation as ChangeOperationSchema } from '../../model/changes.js';
import type { ProposeMessage as ProposeMessageSchema } from '../../model/seminars.js';
import type { NodeKind } from '../../model/nodes.js';
import { allowsEndpoints } from '../../model/relationships.js';
import { leadsOf, type GraphIndex } from '../graph/index.js';

/**
 * A participant's proposal as the change pipeline's operations, from what the form
 * holds (pure, so every kind is tested without a page). A proposal the pipeline would
 * refuse for an obvious reason (a link it does not allow, no rationale) is refused
 * here with the reason, before the room sees it; the server's dry run has the last word.
 */

/** What the socket takes (the server fills in the defaults). */
export type ProposeMessage = z.input<typeof ProposeMessageSchema>;
type ChangeOperation = z.input<typeof ChangeOperationSchema>;

export type ProposalDraft =
  | { kind: 'link'; from: string; to: string; rationale: string }
  | { kind: 'action'; plan: string; title: string; serves: string | null; id?: string }
  | { kind: 'lead'; action: string; lead: string; why: string }
  | { kind: 'correction'; node: string; field: string; value: string; why: string }
  | { kind: 'comment'; node: string; text: string };

export type Built = { ok: true; message: ProposeMessage } | { ok: false; field: string; reason: string };

/** The fields of a node a correction may change, by kind: the words a room reads on the map. */
export const CORRECTABLE_FIELDS: Partial<Record<NodeKind, readonly string[]>> = {
  Action: ['title', 'timescale', 'leadAsPrinted', 'objective', 'localTarget', 'output'],
  LocalOutcome: ['title'],
  Priority: ['title'],
  Milestone: ['title'],
  Organisation: ['name'],
};

const need = (field: string, text: string): Built | null => (text.trim() ? null : { ok: false, field, reason: 'must not be empty' });

export function buildProposal(d: ProposalDraft, index: GraphIndex, newId: () => string = () => `action:seminar-${crypto.randomUUID().slice(0, 8)}`): Built {
  const kindOf = (id: string) => index.nodes.get(id)?.kind;
  switch (d.kind) {
    case 'link': {
      const from = kindOf(d.from);
      const to = kindOf(d.to);
      if (!from) return { ok: false, field: 'from', reason: 'choose the item that serves (select it on the map)' };
      if (!to) return { ok: false, field: 'to', reason: 'choose what it serves' };
      if (!allowsEndpoints('SERVES', from, to)) return { ok: false, field: 'to', reason: `a ${from} cannot serve a ${to}` };
      if ([...index.edges.values()].some((e) => e.type === 'SERVES' && e.source === d.from && e.target === d.to)) return { ok: false, field: 'to', reason: 'that link is already on the map' };
      const missing = need('rationale', d.rationale);
      if (missing) return missing;
      const rationale = d.rationale.trim();
      return message('link', [{ op: 'link', type: 'SERVES', from: d.from, to: d.to, props: { rationale } }], rationale);
    }
    case 'action': {
      if (kindOf(d.plan) !== 'Plan') return { ok: false, field: 'plan', reason: 'choose the plan the action belongs to' };
      const missing = need('title', d.title);
      if (missing) return missing;
      const id = d.id ?? newId();
      const ops: ChangeOperation[] = [
        { op: 'create', node: { kind: 'Action', id, props: { ref: '', title: d.title.trim() } } },
        { op: 'link', type: 'CONTAINS', from: d.plan, to: id },
      ];
      if (d.serves) {
        const to = kindOf(d.serves);
        if (!to || !allowsEndpoints('SERVES', 'Action', to))
          return { ok: false, field: 'serves', reason: 'an action can serve a local outcome, a priority, a national outcome, an aim or a framework outcome' };
        ops.push({ op: 'link', type: 'SERVES', from: id, to: d.serves, props: { rationale: `proposed with the new action “${d.title.trim()}”` } });
      }
      return message('action', ops, `New action: ${d.title.trim()}`);
    }
    case 'lead': {
      if (kindOf(d.action) !== 'Action') return { ok: false, field: 'action', reason: 'select an action on the map first' };
      if (kindOf(d.lead) !== 'Organisation') return { ok: false, field: 'lead', reason: 'choose the organisation that should lead' };
      const current = leadsOf(index, d.action);
      if (current.length === 1 && current[0] === d.lead) return { ok: false, field: 'lead', reason: 'it already leads this action' };
      const missing = need('why', d.why);
      if (missing) return missing;
      const ops: ChangeOperation[] = [
        ...current.filter((o) => o !== d.lead).map((o): ChangeOperation => ({ op: 'unlink', type: 'LEADS', from: o, to: d.action })),
        ...(current.includes(d.lead) ? [] : [{ op: 'link', type: 'LEADS', from: d.lead, to: d.action } as ChangeOperation]),
      ];
      return message('lead', ops, d.why.trim());
    }
    case 'correction': {
      const kind = kindOf(d.node);
      if (!kind) return { ok: false, field: 'node', reason: 'select the item to correct on the map first' };
      if (!(CORRECTABLE_FIELDS[kind] ?? []).includes(d.field)) return { ok: false, field: 'field', reason: `a ${kind}'s ${d.field} cannot be corrected here` };
      const missing = need('value', d.value) ?? need('why', d.why);
      if (missing) return missing;
      return message('correction', [{ op: 'update', id: d.node, set: { [d.field]: d.value.trim() } }], d.why.trim());
    }
    case 'comment': {
      if (!kindOf(d.node)) return { ok: false, field: 'node', reason: 'select the item the comment is about' };
      const missing = need('text', d.text);
      if (missing) return missing;
      return { ok: true, message: { kind: 'comment', operations: [], comment: d.text.trim(), nodeId: d.node } };
    }
  }
}

function message(kind: ProposeMessage['kind'], operations: ChangeOperation[], comment: string): Built {
  return { ok: true, message: { kind, operations, comment } };
}
