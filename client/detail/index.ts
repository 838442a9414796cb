import type { Neighbour, NodeDetailResponse, ThreadResponse } from '../../model/api.js';
import type { Provenance } from '../../model/provenance.js';
import type { Ctx, Frame, Panel } from '../app/context.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { spokenRef, truncate } from '../graph/labels.js';
import { enterThread, exitThread, select } from '../state/actions.js';
import { groupThreadByLead, nodeName, threadHeadline } from '../thread/utils.js';
import { h, fill } from '../ui/dom.js';
import { kindSwatch } from '../ui/shapes.js';
import { rollupSection } from './rollup.js';
import { createEditor } from '../edit/index.js';
import { createNodeHistory } from '../history/nodeHistory.js';
import { changeName } from '../history/describe.js';
import { displayedProps, formatProp, groupTitle, orderedGroups, propTitle, sortProgress } from './utils.js';

/**
 * The detail panel: the golden thread when one is lit, then everything about the
 * selected node: its properties, who leads it and with whom, what it serves, its
 * progress history and where each fact was printed (document, lines, the quote).
 */

/** A number per fetched value: a refetch after a live change is a new value, and the panel renders it. */
const stamps = new WeakMap<object, number>();
let nextStamp = 0;
function stampOf(value: object): number {
  let s = stamps.get(value);
  if (s === undefined) stamps.set(value, (s = ++nextStamp));
  return s;
}

export function mountDetail(root: HTMLElement, ctx: Ctx): Panel {
  const el = h('div', { class: 'detail' });
  root.append(el);
  let renderedKey = '';
  // Kept across renders: a form being typed in survives a live refresh of the node.
  const editor = createEditor(ctx);
  const history = createNodeHistory(ctx);
  const names = (f: Frame) => (id: string) => {
    const n = f.data.index.nodes.get(id) ?? ctx.resources.node.peek(id)?.node;
    return n ? changeName(n) : id;
  };

  const nodeButton = (n: { id: string; kind: Neighbour['kind']; label: string; ref: string | null }, extra?: string) =>
    h(
      'button',
      { type: 'button', class: 'node-link', onclick: () => ctx.dispatch((s) => select(s, n.id)), title: n.label },
      kindSwatch(n.kind, 20),
      h('span', {}, spokenRef(n.kind, n.ref) ? h('strong', {}, spokenRef(n.kind, n.ref), ' ') : null, truncate(n.label, 120), extra ? h('span', { class: 'meta' }, ` · ${extra}`) : null),
    );

  const provenance = (p: Provenance, open = false) =>
    p.source === 'document'
      ? h(
          'details',
          { class: 'provenance', open },
          h('summary', {}, `Source: ${p.file}, ${p.lines[0] === p.lines[1] ? `line ${p.lines[0]}` : `lines ${p.lines[0]}–${p.lines[1]}`}`),
          h('blockquote', { cite: p.file }, p.quote),
        )
      : p.source === 'import'
        ? h(
            'details',
            { class: 'provenance', open },
            h('summary', {}, `Imported from ${p.file}, ${p.table}, ${p.rows[0] === p.rows[1] ? `row ${p.rows[0]}` : `rows ${p.rows[0]}–${p.rows[1]}`}`),
            h('blockquote', {}, p.quote),
          )
        : h('details', { class: 'provenance', open }, h('summary', {}, `Edited by ${p.author}, ${p.at.slice(0, 10)}`), p.note ? h('p', {}, p.note) : null);

  const threadSection = (t: ThreadResponse, f: Frame) => {
    const head = h(
      'div',
      { class: 'thread-head' },
      h('h2', { id: 'thread-heading' }, 'Golden thread'),
      h('button', { type: 'button', class: 'button small', onclick: () => ctx.dispatch(exitThread) }, 'Back to the whole map'),
    );
    const body: HTMLElement[] = [h('p', { class: 'thread-headline' }, threadHeadline(t))];
    if (t.direction === 'down') {
      const groups = groupThreadByLead(t, f.data.index);
      body.push(
        h('p', { class: 'hint' }, 'Actions beneath it, grouped by the organisation that leads them:'),
        ...groups.map((g) =>
          h(
            'section',
            { class: 'thread-group', 'aria-label': g.lead ?? 'No named lead' },
            h('h3', {}, g.lead ?? 'No named lead', h('span', { class: 'count' }, ` ${g.actions.length}`)),
            h(
              'ul',
              { class: 'links' },
              g.actions.map((a) => h('li', {}, nodeButton(a, a.status ?? undefined))),
            ),
          ),
        ),
      );
    } else {
      body.push(
        h(
          'ol',
          { class: 'thread-paths' },
          t.paths.map((p) =>
            h(
              'li',
              {},
              h(
                'ol',
                { class: 'path' },
                p.nodes.map((id) => {
                  const n = f.data.index.nodes.get(id);
                  return h('li', {}, n ? nodeButton(n) : id);
                }),
              ),
            ),
          ),
        ),
      );
    }
    body.push(h('details', { class: 'thread-text' }, h('summary', {}, 'The thread in words'), h('p', {}, t.description)));
    return h('section', { class: 'thread', 'aria-labelledby': 'thread-heading' }, head, ...body);
  };

  const nodeSection = (d: NodeDetailResponse, f: Frame) => {
    const n = d.node;
    const k = KIND_STYLES[n.kind];
    const ref = spokenRef(n.kind, n.ref);
    const plan = n.plan && n.plan !== n.id ? f.data.index.nodes.get(n.plan) : null;
    const inThread = f.state.mode === 'thread';
    const progressIds = (d.neighbours['HAS_PROGRESS out'] ?? []).map((p) => p.id);
    const progress = sortProgress(
      progressIds
        .map((id) => ctx.resources.node.get(id))
        .filter((r): r is { status: 'ready'; value: NodeDetailResponse } => r.status === 'ready')
        .map((r) => r.value.node),
    );
    const progressLoading = progressIds.length > progress.length;

    const groups = orderedGroups(d.neighbours).filter(([key]) => key !== 'HAS_PROGRESS out');
    return h(
      'article',
      { class: 'node-detail', 'aria-labelledby': 'detail-heading' },
      h('p', { class: 'kind-line' }, kindSwatch(n.kind, 22), h('span', {}, k.name), ref ? h('span', { class: 'ref-badge' }, ref) : null),
      h('h2', { id: 'detail-heading', tabindex: '-1' }, n.label),
      plan ? h('p', { class: 'meta' }, 'In ', nodeButton(plan)) : null,
      h(
        'div',
        { class: 'actions-row' },
        h(
          'button',
          {
            type: 'button',
            class: inThread ? 'button' : 'button primary',
            'aria-pressed': String(inThread),
            onclick: () => ctx.dispatch((s) => (s.mode === 'thread' ? exitThread(s) : enterThread(s, n.id))),
          },
          inThread ? 'Hide the golden thread' : 'Show the golden thread',
        ),
        h('button', { type: 'button', class: 'button secondary', onclick: () => ctx.map()?.centreOn(n.id) }, 'Centre on map'),
      ),
      rollupSection(n, ctx),
      editor.attach(d, f),
      h('h3', {}, 'Properties'),
      h(
        'dl',
        { class: 'props' },
        displayedProps(n.props).flatMap(([key, value]) => {
          const v = formatProp(key, value);
          return [
            h('dt', {}, propTitle(key)),
            h(
              'dd',
              {},
              Array.isArray(v)
                ? h(
                    'ul',
                    {},
                    v.map((x) => h('li', {}, x)),
                  )
                : v,
            ),
          ];
        }),
      ),
      progressIds.length > 0
        ? h(
            'section',
            { class: 'progress', 'aria-labelledby': 'progress-heading' },
            h('h3', { id: 'progress-heading' }, `Progress history (${progressIds.length})`),
            progressLoading ? h('p', { class: 'hint' }, 'Loading the progress reports…') : null,
            h(
              'ol',
              { class: 'progress-list' },
              progress.map((p) =>
                h(
                  'li',
                  {},
                  h(
                    'p',
                    { class: 'progress-head' },
                    h('strong', {}, String(p.props.period ?? '')),
                    p.props.scope ? ` · ${String(p.props.scope)}` : '',
                    ' ',
                    h('span', { class: `status-badge status-${String(p.props.status).replace(/\s+/g, '-')}` }, String(p.props.status)),
                    p.props.statusAsPrinted && p.props.statusAsPrinted !== p.props.status ? h('span', { class: 'meta' }, ` printed “${String(p.props.statusAsPrinted)}”`) : null,
                  ),
                  h('p', {}, String(p.props.narrative ?? '')),
                  provenance(p.provenance),
                ),
              ),
            ),
          )
        : null,
      ...groups.map(([key, list]) =>
        h(
          'section',
          { class: 'relations' },
          h('h3', {}, `${groupTitle(key)} (${list.length})`),
          h(
            'ul',
            { class: 'links' },
            list.map((nb) => {
              const r = nb.relationship;
              const notes = [
                r.role ? `role: ${r.role}` : null,
                r.linkBasis ? `link: ${r.linkBasis}` : null,
                r.printedAs && r.printedAs !== nb.label ? `printed as “${truncate(r.printedAs, 80)}”` : null,
              ].filter(Boolean);
              return h('li', {}, nodeButton(nb), notes.length > 0 ? h('p', { class: 'meta' }, notes.join(' · ')) : null, provenance(r.provenance));
            }),
          ),
        ),
      ),
      h('h3', {}, 'Provenance'),
      provenance(n.provenance, true),
      history.attach(n.id, ctx.live.revision, names(f)),
      h('p', { class: 'meta id-line' }, 'Id ', h('code', {}, n.id)),
    );
  };

  return {
    focus() {
      el.querySelector<HTMLElement>('#detail-heading')?.focus();
    },
    update(f) {
      const { state } = f;
      const detail = ctx.resources.node.get(state.selected);
      const progressKeys = detail.status === 'ready' ? (detail.value.neighbours['HAS_PROGRESS out'] ?? []).map((p) => `${p.id}:${ctx.resources.node.get(p.id).status}`).join(',') : '';
      const version = detail.status === 'ready' ? detail.value.node.version : 0;
      const key = [
        state.selected,
        state.mode,
        detail.status,
        f.thread.status,
        progressKeys,
        version,
        ctx.live.revision,
        ctx.session.user()?.role ?? '',
        detail.status === 'ready' ? stampOf(detail.value) : 0,
      ].join('|');
      if (key === renderedKey) return;
      renderedKey = key;
      const parts: (HTMLElement | null)[] = [];
      if (state.mode === 'thread') {
        if (f.thread.status === 'ready') parts.push(threadSection(f.thread.value, f));
        else if (f.thread.status === 'loading') parts.push(h('p', { class: 'hint' }, 'Tracing the golden thread…'));
        else if (f.thread.status === 'error') parts.push(h('p', { class: 'error' }, `The thread could not be traced: ${f.thread.error}`));
      }
      if (!state.selected) {
        parts.push(
          h(
            'div',
            { class: 'empty-detail' },
            h('h2', { id: 'detail-heading', tabindex: '-1' }, 'Nothing selected'),
            h('p', {}, 'Click a node on the map, search for a reference such as 2.5.7, or pick a row in the table or a gap list.'),
            h('p', {}, 'Then “Show the golden thread” lights up its path to the national outcomes.'),
          ),
        );
      } else if (detail.status === 'ready') {
        parts.push(nodeSection(detail.value, f));
      } else if (detail.status === 'loading') {
        const n = f.data.index.nodes.get(state.selected);
        parts.push(h('h2', { id: 'detail-heading', tabindex: '-1' }, n ? nodeName(n) : state.selected), h('p', { class: 'hint' }, 'Loading the details…'));
      } else if (detail.status === 'error') {
        parts.push(h('h2', { id: 'detail-heading', tabindex: '-1' }, state.selected), h('p', { class: 'error' }, `The details could not be loaded: ${detail.error}`));
      }
      const hadFocus = el.contains(document.activeElement) ? (document.activeElement as HTMLElement).id : null;
      fill(el, parts);
      if (hadFocus) document.getElementById(hadFocus)?.focus();
    },
    destroy() {
      editor.destroy();
      history.destroy();
      el.remove();
    },
  };
}
