import type { NodeSummary, SearchExcerpt, SearchResult } from '../../model/api.js';
import { LABEL_PROPERTY } from '../../model/nodes.js';
import type { Ctx, Frame, Panel } from '../app/context.js';
import { KIND_STYLES } from '../graph/kinds.js';
import { spokenRef, truncate } from '../graph/labels.js';
import { chooseSearchResult } from '../state/actions.js';
import { h, fill, uid } from '../ui/dom.js';
import { kindSwatch } from '../ui/shapes.js';
import { highlightParts, localSearch, markMatches, refWithPlan, type Part } from './utils.js';
import './search.css';

/**
 * The search box: an ARIA combobox whose suggestions come from the server's search
 * (every text field: references, names, aliases, objectives, milestones, progress…) and,
 * if the server cannot answer, from the loaded graph. Each suggestion shows its plan,
 * the field that matched and the matched words, marked from the server's offsets.
 * Choosing a suggestion selects the node and brings it into view.
 */

type Suggestion = NodeSummary & Partial<Pick<SearchResult, 'match' | 'excerpt' | 'labelRanges' | 'parent' | 'via'>>;

const marks = (parts: Part[]) => parts.map((p) => (p.match ? h('mark', {}, p.text) : p.text));

const TITLE_CHARS = 90;

/**
 * "Objective: …point of contact for victims…", unless the words matched the label itself
 * where the title line shows them (a long label is cut, and its matches may lie past the cut).
 */
function excerptLine(kind: NodeSummary['kind'], excerpt: SearchExcerpt | null | undefined, prefix = '', labelRanges: readonly [number, number][] = []): HTMLElement | null {
  if (!excerpt) return null;
  if (excerpt.field === LABEL_PROPERTY[kind] && labelRanges.every(([, end]) => end < TITLE_CHARS - 2)) return null;
  return h('span', { class: 'suggestion-excerpt' }, h('span', { class: 'suggestion-field' }, `${prefix}${excerpt.fieldLabel}: `), marks(highlightParts(excerpt.text, excerpt.highlights, 140)));
}

export function mountSearch(root: HTMLElement, ctx: Ctx): Panel & { focus(): void } {
  const listId = uid('search-list');
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-describedby': 'search-hint',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Search: 2.5.7, SPS, any words of a plan…',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': 'Suggestions', hidden: true });
  const status = h('div', { class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'search', role: 'search', onsubmit: (e: Event) => e.preventDefault() },
    h('label', { for: 'search-input', class: 'visually-hidden' }, 'Search the graph'),
    h('span', { class: 'search-icon', 'aria-hidden': 'true' }, '⌕'),
    input,
    h(
      'span',
      { id: 'search-hint', class: 'visually-hidden' },
      'Type a reference number, a name or an alias; use the arrow keys to pick a suggestion and Enter to select it. Press slash to come back here.',
    ),
    list,
    status,
  );
  root.append(form);

  let frame: Frame | null = null;
  let suggestions: Suggestion[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  let lastQuery = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const renderList = (query: string) => {
    fill(
      list,
      suggestions.map((s, i) => {
        const ref = refWithPlan(spokenRef(s.kind, s.ref), s.planShort);
        const planLabel = !ref && !s.parent && s.plan ? (s.planShort ?? frame?.data.index.nodes.get(s.plan)?.label ?? null) : null;
        const title = s.labelRanges
          ? marks(highlightParts(s.label, s.labelRanges, TITLE_CHARS))
          : markMatches(truncate(s.label, TITLE_CHARS), query).map((p) => (p.match ? h('mark', {}, p.text) : p.text));
        const parentRef = s.parent ? (refWithPlan(spokenRef(s.parent.kind, s.parent.ref), s.parent.planShort) ?? truncate(s.parent.label, 40)) : null;
        return h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            class: s.parent ? 'suggestion child' : 'suggestion',
            'aria-selected': i === active ? 'true' : 'false',
            onmousedown: (e: MouseEvent) => e.preventDefault(),
            onclick: () => choose(i),
          },
          kindSwatch(s.kind, 22),
          h(
            'span',
            { class: 'suggestion-text' },
            h('span', { class: 'suggestion-title' }, ref ? h('strong', { class: 'ref' }, ref, ' ') : null, title),
            excerptLine(s.kind, s.excerpt, '', s.labelRanges),
            s.via ? excerptLine(s.via.kind, s.via.excerpt ?? { field: '', fieldLabel: KIND_STYLES[s.via.kind].name, text: s.via.label, highlights: [] }, `${KIND_STYLES[s.via.kind].name} · `) : null,
            h(
              'span',
              { class: 'suggestion-meta' },
              KIND_STYLES[s.kind].name,
              parentRef ? ` of ${KIND_STYLES[s.parent!.kind].name.toLowerCase()} ${parentRef}` : '',
              planLabel ? ` · ${truncate(planLabel, 50)}` : '',
              s.match === 'alias' ? ' · alias' : '',
            ),
          ),
        );
      }),
    );
    if (suggestions.length === 0 && query !== '') fill(list, h('li', { class: 'suggestion empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, `Nothing matches “${query}”`));
    list.hidden = query === '';
    input.setAttribute('aria-expanded', String(!list.hidden));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
    status.textContent = query === '' ? '' : `${suggestions.length} ${suggestions.length === 1 ? 'suggestion' : 'suggestions'}`;
  };

  const run = async (query: string) => {
    controller?.abort();
    if (query.trim() === '') {
      suggestions = [];
      renderList('');
      return;
    }
    controller = new AbortController();
    try {
      const res = await ctx.api.search({ q: query, limit: 12 }, controller.signal);
      if (query !== lastQuery) return;
      suggestions = res.results;
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      // The server's search is down: the loaded graph still knows references and labels.
      suggestions = frame ? localSearch(frame.data.index, query, 12) : [];
    }
    active = suggestions.length > 0 ? 0 : -1;
    renderList(query);
  };

  const choose = (i: number) => {
    const s = suggestions[i];
    if (!s) return;
    close();
    input.value = spokenRef(s.kind, s.ref) ?? truncate(s.label, 60);
    ctx.dispatch((st) => chooseSearchResult(st, s.id));
    ctx.focusNode(s.id);
    ctx.announce(`Selected ${KIND_STYLES[s.kind].name} ${spokenRef(s.kind, s.ref) ?? ''} ${truncate(s.label, 120)}`);
  };

  input.addEventListener('input', () => {
    lastQuery = input.value;
    clearTimeout(timer);
    timer = setTimeout(() => void run(lastQuery), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) {
        if (suggestions.length > 0) renderList(input.value);
        return;
      }
      e.preventDefault();
      const n = suggestions.length;
      if (n === 0) return;
      active = e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n;
      renderList(input.value);
      document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && suggestions.length > 0) choose(Math.max(0, active));
      else if (input.value.trim() !== '') void run(input.value).then(() => choose(0));
    } else if (e.key === 'Escape') {
      if (!list.hidden) {
        e.preventDefault();
        e.stopPropagation();
        close();
      } else if (input.value !== '') {
        input.value = '';
      }
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));

  return {
    focus() {
      input.focus();
      input.select();
    },
    update(f) {
      frame = f;
    },
    destroy() {
      clearTimeout(timer);
      controller?.abort();
      form.remove();
    },
  };
}
