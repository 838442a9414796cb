import type { GapResponse } from '../../model/api.js';
import { resultAsGap, resultSummary } from '../../model/queryResult.js';
import type { Ctx, Frame, Panel } from '../app/context.js';
import { CONSOLE_GAP, showConsoleResult } from '../gaps/gapOptions.js';
import { todayIso } from '../gaps/utils.js';
import { chooseGap, select } from '../state/actions.js';
import { h, fill } from '../ui/dom.js';
import { checkQuery, ConsoleError, currentSession, errorPosition, listAnalyses, parameterNames, runQuery, storeKind } from './consoleApi.js';
import { createCypherEditor, type CheckAnswer } from './editor.js';
import { readHistory, remember } from './history.js';
import { resultTable } from './resultTable.js';
import { openSaveDialog } from './saveDialog.js';
import './console.css';

/**
 * The analyst's console: a Cypher editor (highlighting, completion from the model,
 * errors marked where the engine finds them), run with Ctrl+Enter; the result as a
 * sortable table with CSV and on the map, highlighted exactly as a gap analysis's result
 * (it is shown through the gap mechanism as the gap "console"); the session's history;
 * templates to start from; and saving a query as an analysis for everyone. The console
 * is offered only where the server's console gate lets this caller in.
 */

const DIALECTS: Record<string, string> = {
  embedded: 'LadybugDB Cypher (the embedded store)',
  neo4j: 'Neo4j Cypher',
};
const START = 'MATCH (p:Plan)-[:CONTAINS]->(a:Action)-[:SERVES]->(n:NationalOutcome)\nWHERE p.id = $plan\nRETURN a, n\nLIMIT 50';

export function mountConsole(root: HTMLElement, ctx: Ctx): Panel {
  const el = h('div', { class: 'console' });
  root.append(el);
  let frame: Frame | null = null;
  let canSave = false;
  const values = new Map<string, string>();

  const dialect = h('p', { class: 'console-dialect', id: 'console-dialect' }, 'Dialect: …');
  const gateNote = h('p', { class: 'hint', hidden: true });
  const templates = h('select', { id: 'console-template', 'aria-label': 'Start from a template or a saved analysis' }, h('option', { value: '' }, 'Start from a template…'));
  const editorHost = h('div', { class: 'console-editor', id: 'console-editor' });
  const checkNote = h('p', { class: 'console-check error', id: 'console-check', 'aria-live': 'polite' });
  const paramsHost = h('div', { class: 'console-params', role: 'group', 'aria-label': 'Values of the query’s $parameters' });
  const runButton = h('button', { type: 'button', class: 'button', id: 'console-run', onclick: () => void run() }, 'Run', h('span', { class: 'hint' }, ' Ctrl+Enter'));
  const saveButton = h('button', { type: 'button', class: 'button secondary', id: 'console-save', hidden: true, onclick: () => save() }, 'Save as analysis…');
  const status = h('p', { class: 'console-status', role: 'status', 'aria-live': 'polite' });
  const result = h('section', { class: 'console-output', 'aria-label': 'Result' });
  const historyList = h('ol', { class: 'console-history-list' });
  const historyBox = h('details', { class: 'console-history' }, h('summary', {}, 'History of this session'), historyList);
  el.append(
    h('h2', { id: 'console-heading', tabindex: '-1' }, 'Query console'),
    dialect,
    gateNote,
    templates,
    editorHost,
    checkNote,
    paramsHost,
    h('div', { class: 'console-actions' }, runButton, saveButton),
    status,
    result,
    historyBox,
  );

  const params = (text: string) => Object.fromEntries(parameterNames(text).map((n) => [n, values.get(n) ?? '']));

  const check = async (text: string): Promise<CheckAnswer> => {
    try {
      await checkQuery(text, params(text));
      checkNote.textContent = '';
      return { ok: true };
    } catch (err) {
      if (!(err instanceof ConsoleError) || err.status >= 500 || err.status === 429) return { ok: true };
      // Marked in the editor at its position, and said in words below it (the mark alone is easy to miss).
      checkNote.textContent = `Before running: ${err.message}`;
      return { ok: false, message: err.message, ...(errorPosition(err.message) ?? {}) };
    }
  };

  const drawParams = () => {
    const names = parameterNames(editor.text());
    fill(
      paramsHost,
      names.map((name, i) =>
        h(
          'div',
          { class: 'field inline' },
          h('label', { for: `console-param-${i}` }, `$${name}`),
          h('input', { id: `console-param-${i}`, type: 'text', value: values.get(name) ?? '', 'data-param': name, oninput: (e: Event) => values.set(name, (e.target as HTMLInputElement).value) }),
        ),
      ),
    );
  };
  let paramsKey = '';
  const editor = createCypherEditor(editorHost, {
    initial: START,
    onRun: () => void run(),
    onChange: () => {
      const key = parameterNames(editor.text()).join(',');
      if (key !== paramsKey) {
        paramsKey = key;
        drawParams();
      }
    },
    check,
  });
  values.set('plan', 'plan:lcja-2008');
  paramsKey = parameterNames(START).join(',');
  drawParams();

  const drawHistory = (list: string[]) =>
    fill(
      historyList,
      list.map((q, i) =>
        h('li', {}, h('button', { type: 'button', class: 'link', id: `console-history-${i}`, title: q, onclick: () => (editor.setText(q), editor.focus()) }, q.replace(/\s+/g, ' ').slice(0, 90))),
      ),
    );
  drawHistory(readHistory());

  const focusRow = (id: string) => {
    ctx.dispatch((s) => ({ ...select(s, id), view: 'map', mode: 'explore', gap: s.gap }));
    requestAnimationFrame(() => ctx.map()?.centreOn(id));
  };

  async function run(): Promise<void> {
    const text = editor.text().trim();
    if (!text) return;
    drawHistory(remember(text));
    status.textContent = 'Running…';
    runButton.disabled = true;
    try {
      const answer = await runQuery(text, params(text));
      const index = frame?.data.index.nodes;
      const table = resultAsGap(answer, (id) => index?.get(id));
      const gap: GapResponse = {
        id: CONSOLE_GAP,
        title: 'Console query',
        input: { plan: null, asOf: todayIso(), threshold: 0.35, basis: 'all' },
        summary: resultSummary(table, answer.truncated),
        ...table,
      };
      status.textContent = `Ran in ${answer.elapsedMs} ms.`;
      fill(result, resultTable(gap, focusRow));
      showConsoleResult(gap);
      // On the map as a gap's result: highlighted in place, the rest dimmed; the console stays open.
      ctx.dispatch((s) => ({ ...chooseGap(s, CONSOLE_GAP), panel: 'console', view: 'map' }));
    } catch (err) {
      status.textContent = '';
      const message = err instanceof ConsoleError ? err.message : String(err);
      fill(result, h('p', { class: 'error', role: 'alert', id: 'console-error' }, `The query did not run: ${message}`));
    } finally {
      runButton.disabled = false;
    }
  }

  function save(): void {
    const text = editor.text().trim();
    if (!text) return;
    openSaveDialog(text, parameterNames(text), (id, title) => {
      status.textContent = `Saved “${title}”: it is in the Gaps panel for everyone.`;
      ctx.announce(`Saved ${title}`);
      ctx.resources.gapCatalogue.clear();
      void loadTemplates();
      void id;
    });
  }

  async function loadTemplates(): Promise<void> {
    const { analyses } = await listAnalyses();
    const group = (template: boolean) => analyses.filter((a) => a.template === template);
    fill(
      templates,
      h('option', { value: '' }, 'Start from a template…'),
      h(
        'optgroup',
        { label: 'Templates' },
        group(true).map((a) => h('option', { value: a.id }, a.title)),
      ),
      group(false).length
        ? h(
            'optgroup',
            { label: 'Saved analyses' },
            group(false).map((a) => h('option', { value: a.id }, a.title)),
          )
        : null,
    );
    templates.onchange = () => {
      const chosen = analyses.find((a) => a.id === templates.value);
      if (chosen) editor.setText(chosen.cypher);
      templates.value = '';
    };
  }

  // Who may use it: the server's console gate decides (role, GT_CONSOLE, loopback); the panel asks it.
  void (async () => {
    const [kind, session, gate] = await Promise.all([
      storeKind().catch(() => 'embedded'),
      currentSession(true),
      checkQuery('RETURN 1 AS one', {}).then(
        () => null,
        (e: unknown) => e,
      ),
    ]);
    dialect.textContent = `Dialect: ${DIALECTS[kind] ?? kind}`;
    if (gate instanceof ConsoleError && gate.status === 403) {
      gateNote.hidden = false;
      gateNote.textContent = `The console is not open to you here: ${gate.message}.`;
      editorHost.hidden = paramsHost.hidden = runButton.hidden = templates.hidden = true;
      document.getElementById('side-tab-console')?.setAttribute('hidden', '');
      return;
    }
    canSave = session.capabilities.includes('saveAnalysis');
    saveButton.hidden = !canSave;
    if (!canSave) status.textContent = 'Sign in as an analyst or editor to save a query as an analysis for everyone.';
    await loadTemplates().catch(() => undefined);
  })();

  return {
    update(f) {
      frame = f;
    },
    focus() {
      editor.focus();
    },
    destroy() {
      editor.view.destroy();
      el.remove();
    },
  };
}
