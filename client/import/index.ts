import type { Ctx, Panel } from '../app/context.js';
import { can, session, signIn } from '../http/authSession.js';
import { setFilter, showOnMap } from '../state/actions.js';
import { fill, h } from '../ui/dom.js';
import { commitImport, previewAgain, progressOf, uploadForPreview, type ImportPreview } from './importApi.js';
import { emptyMapping, firstAddedAction, withColumn, withOrganisation } from './mapping.js';
import { renderPreview } from './preview.js';
import './import.css';

/**
 * The import wizard: choose a Word, Excel or CSV file or paste a table, name the plan,
 * see the preview (the change pipeline's dry run: what will be added and updated, and
 * each problem with its row and column), map the headings and organisations it did
 * not recognise, then commit it as one change and find the new actions on the map.
 * Only roles that may edit see the steps; others are asked to sign in as one.
 */

const ACCEPT = '.docx,.xlsx,.csv,.tsv,.txt';

export function mountImport(root: HTMLElement, ctx: Ctx): Panel {
  const body = h('div', { class: 'import-body' });
  const el = h('section', { class: 'import-panel', 'aria-labelledby': 'import-heading' }, h('h2', { id: 'import-heading', tabindex: '-1' }, 'Import a plan'), body);
  root.append(el);
  let destroyed = false;
  let organisations: readonly { id: string; label: string }[] = [];

  const start = async () => {
    const s = await session();
    if (destroyed) return;
    if (can(s, 'edit'))
      return fill(
        body,
        wizard(ctx, () => organisations),
      );
    fill(
      body,
      signInForm(
        s.signedIn ? `Signed in as ${s.user.name} (${s.user.role}): importing needs an editor or administrator.` : 'Importing changes the plans: sign in as an editor or administrator.',
        start,
      ),
    );
  };
  void start();

  return {
    update(frame) {
      organisations = frame.data.organisations;
    },
    destroy() {
      destroyed = true;
      el.remove();
    },
    focus() {
      el.querySelector<HTMLElement>('#import-heading')?.focus();
    },
  };
}

function signInForm(reason: string, then: () => Promise<void>): HTMLElement {
  const user = h('input', { type: 'text', id: 'import-username', autocomplete: 'username', required: true });
  const pass = h('input', { type: 'password', id: 'import-password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'error', role: 'alert', hidden: true });
  return h(
    'form',
    {
      class: 'import-sign-in',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        message.hidden = true;
        try {
          await signIn(user.value.trim(), pass.value);
          await then();
        } catch (err) {
          message.hidden = false;
          message.textContent = (err as Error).message;
        }
      },
    },
    h('p', { class: 'hint' }, reason),
    h('div', { class: 'field' }, h('label', { for: 'import-username' }, 'Username'), user),
    h('div', { class: 'field' }, h('label', { for: 'import-password' }, 'Password'), pass),
    h('button', { type: 'submit', class: 'button primary small' }, 'Sign in'),
    message,
  );
}

function wizard(ctx: Ctx, organisations: () => readonly { id: string; label: string }[]): HTMLElement {
  let mapping = emptyMapping();
  let preview: ImportPreview | null = null;

  const file = h('input', { type: 'file', id: 'import-file', accept: ACCEPT });
  const pasted = h('textarea', { id: 'import-paste', rows: '4', placeholder: 'Or paste a table copied from Word or Excel (tab-separated), headings first' });
  const plan = h('input', { type: 'text', id: 'import-plan', required: true, autocomplete: 'off', pattern: '[a-z0-9][a-z0-9\\-]*', placeholder: 'e.g. lcja-2011' });
  const title = h('input', { type: 'text', id: 'import-title', autocomplete: 'off', placeholder: 'e.g. Lanarkshire CJA action plan 2011-12' });
  const bar = h('progress', { id: 'import-progress', max: '1', hidden: true, 'aria-label': 'Import progress' });
  const status = h('p', { class: 'import-status', role: 'status' });
  const result = h('div', { class: 'import-result' });
  // Shown once there is a preview to commit.
  const commit = h('button', { type: 'button', class: 'button primary', id: 'import-commit', hidden: true }, 'Commit the import');

  /** Runs one step with the progress bar following the server's count; the bar is asked only while the step runs. */
  const step = async (what: string, run: () => Promise<ImportPreview>, id: string | null): Promise<ImportPreview | null> => {
    bar.hidden = false;
    bar.removeAttribute('value');
    status.textContent = what;
    let running = true;
    const follow = async () => {
      while (running && id) {
        const p = await progressOf(id).catch(() => null);
        if (p && running && p.total > 0) {
          bar.max = p.total;
          bar.value = p.done;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    void follow();
    try {
      return await run();
    } catch (err) {
      status.textContent = '';
      fill(result, h('p', { class: 'error', role: 'alert' }, (err as Error).message));
      return null;
    } finally {
      running = false;
      bar.hidden = true;
    }
  };

  const show = (p: ImportPreview) => {
    preview = p;
    commit.hidden = false;
    commit.disabled = p.counts.nodesAdded + p.counts.nodesUpdated + p.counts.linksAdded === 0;
    status.textContent = `Preview of ${p.file}: nothing is written until you commit.`;
    fill(
      result,
      renderPreview(p, mapping, {
        organisations,
        onColumn: (heading, field) => (mapping = withColumn(mapping, heading, field)),
        onOrganisation: (printed, id) => (mapping = withOrganisation(mapping, printed, id)),
        onRefresh: async () => {
          const again = await step('Previewing with your mapping…', () => previewAgain(p.importId, mapping), p.importId);
          if (again) show(again);
        },
      }),
    );
  };

  const form = h(
    'form',
    {
      class: 'import-choose',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const chosen = file.files?.[0];
        const text = pasted.value.trim();
        if (!chosen && !text) return fill(result, h('p', { class: 'error', role: 'alert' }, 'Choose a file or paste a table first.'));
        if (!plan.reportValidity()) return;
        mapping = emptyMapping();
        commit.hidden = true;
        const bytes = chosen ?? new Blob([text], { type: 'text/tab-separated-values' });
        const name = chosen?.name ?? 'pasted-table.tsv';
        const p = await step(`Reading ${name}…`, () => uploadForPreview(bytes, { file: name, plan: plan.value.trim(), ...(title.value.trim() ? { title: title.value.trim() } : {}) }), null);
        if (p) show(p);
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'import-file' }, 'Word, Excel or CSV file'), file),
    h('div', { class: 'field' }, h('label', { for: 'import-paste' }, 'Or paste a table'), pasted),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'import-plan' }, 'Plan key'),
      plan,
      h('span', { class: 'hint' }, 'Lower-case letters, digits and hyphens; ids are made from it and the printed references.'),
    ),
    h('div', { class: 'field' }, h('label', { for: 'import-title' }, 'Plan title (optional)'), title),
    h('button', { type: 'submit', class: 'button primary', id: 'import-preview' }, 'Preview'),
  );

  commit.addEventListener('click', async () => {
    if (!preview) return;
    const before = preview;
    commit.disabled = true;
    const done = await step('Committing…', () => commitImport(before.importId, mapping), before.importId);
    if (!done) {
      commit.disabled = false;
      return;
    }
    preview = null;
    commit.hidden = true;
    const action = firstAddedAction(done);
    status.textContent = `Committed as ${done.changeId}: ${done.counts.nodesAdded} added, ${done.counts.nodesUpdated} updated, ${done.counts.linksAdded} links.`;
    await ctx.reloadGraph();
    const planId = `plan:${plan.value.trim()}`;
    fill(
      result,
      h('p', {}, `${done.counts.actionsAdded} new actions are on the map.`),
      action
        ? h(
            'button',
            {
              type: 'button',
              class: 'button',
              id: 'import-show',
              onclick: () => {
                ctx.dispatch((s) => showOnMap(setFilter(s, 'plan', planId), action));
                ctx.focusNode(action);
              },
            },
            'Show the first new action on the map',
          )
        : null,
    );
    ctx.announce(status.textContent);
  });

  return h('div', { class: 'import-wizard' }, form, bar, status, result, commit);
}
