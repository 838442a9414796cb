import type { Ctx, Frame, Panel } from '../app/context.js';
import { can, session } from '../http/authSession.js';
import { setView } from '../state/actions.js';
import { fill, h } from '../ui/dom.js';
import { compareSnapshots, comparePlansApi, listSnapshots, takeSnapshot, type PlanComparison, type SnapshotComparison, type SnapshotRow } from './compareApi.js';
import { mountDiffMap, type DiffMapHandle } from './diffMap.js';
import { planPicture, snapshotPicture } from './diffPicture.js';
import { planTables, snapshotTables } from './tables.js';
import './compare.css';

/**
 * The Compare panel: choose two plans (Lanarkshire 2008-09 and its 2010 progress
 * report) or two snapshots (or a snapshot and the graph now), and read what continued,
 * what was dropped and what is new, as tables and, with "Show on the map", as a diff
 * view drawn over the map with its key. Editors may freeze the graph as a snapshot here.
 */

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Result = { kind: 'plans'; value: PlanComparison } | { kind: 'snapshots'; value: SnapshotComparison };

export function mountCompare(root: HTMLElement, ctx: Ctx): Panel {
  let frame: Frame | null = null;
  let mode: 'plans' | 'snapshots' = 'plans';
  let result: Result | null = null;
  let diffMap: DiffMapHandle | null = null;
  let snapshots: SnapshotRow[] = [];
  let destroyed = false;

  const planA = h('select', { id: 'compare-a' });
  const planB = h('select', { id: 'compare-b' });
  const snapFrom = h('select', { id: 'compare-from' });
  const snapTo = h('select', { id: 'compare-to' });
  const status = h('p', { class: 'compare-status', role: 'status' });
  const out = h('div', { class: 'compare-result', id: 'compare-result' });
  const showMap = h('button', { type: 'button', class: 'button', id: 'compare-show-map', hidden: true }, 'Show on the map');
  const snapName = h('input', { type: 'text', id: 'compare-snapshot-name', autocomplete: 'off', maxlength: '80', placeholder: 'e.g. End of Q2 2010' });
  const snapTake = h('button', { type: 'button', class: 'button secondary small', id: 'compare-snapshot-take' }, 'Freeze the graph now');
  const snapForm = h(
    'div',
    { class: 'compare-freeze', hidden: true },
    h('label', { for: 'compare-snapshot-name' }, 'Name a snapshot of the graph as it is now'),
    h('div', { class: 'compare-freeze-row' }, snapName, snapTake),
  );
  const snapHint = h('p', { class: 'hint', hidden: true }, 'Editors and administrators can freeze the graph as a named snapshot.');

  const modeRadio = (value: 'plans' | 'snapshots', label: string) =>
    h(
      'label',
      { class: 'compare-mode' },
      h('input', { type: 'radio', name: 'compare-mode', value, id: `compare-mode-${value}`, checked: value === mode, onchange: () => setMode(value) }),
      ` ${label}`,
    );
  const plansBox = h('div', { class: 'compare-pick', id: 'compare-plans' }, h('label', { for: 'compare-a' }, 'Earlier plan'), planA, h('label', { for: 'compare-b' }, 'Later plan'), planB);
  const snapsBox = h(
    'div',
    { class: 'compare-pick', id: 'compare-snapshots', hidden: true },
    h('label', { for: 'compare-from' }, 'From snapshot'),
    snapFrom,
    h('label', { for: 'compare-to' }, 'To'),
    snapTo,
    snapForm,
    snapHint,
  );
  const run = h('button', { type: 'submit', class: 'button primary', id: 'compare-run' }, 'Compare');
  const form = h(
    'form',
    { class: 'compare-form', onsubmit: (e: Event) => (e.preventDefault(), void compare()) },
    h('fieldset', { class: 'compare-modes' }, h('legend', {}, 'What to compare'), modeRadio('plans', 'two plans'), modeRadio('snapshots', 'two snapshots, or a snapshot and now')),
    plansBox,
    snapsBox,
    run,
  );
  const el = h(
    'section',
    { class: 'compare-panel', 'aria-labelledby': 'compare-heading' },
    h('h2', { id: 'compare-heading', tabindex: '-1' }, 'Compare plans or snapshots'),
    form,
    status,
    showMap,
    out,
  );
  root.append(el);

  function setMode(m: 'plans' | 'snapshots') {
    mode = m;
    plansBox.hidden = m !== 'plans';
    snapsBox.hidden = m !== 'snapshots';
    if (m === 'snapshots') void refreshSnapshots();
  }

  function fillPlans(f: Frame) {
    const plans = f.data.plans;
    const key = plans.map((p) => p.id).join();
    if (planA.dataset.key === key) return;
    const keepA = planA.value;
    const keepB = planB.value;
    const options = (selected: string) => plans.map((p) => h('option', { value: p.id, selected: p.id === selected }, p.planShort ? `${p.planShort} · ${p.label}` : p.label));
    fill(planA, options(keepA || plans[0]?.id || ''));
    fill(planB, options(keepB || plans[1]?.id || plans[0]?.id || ''));
    planA.dataset.key = key;
  }

  async function refreshSnapshots() {
    try {
      snapshots = await listSnapshots();
    } catch (err) {
      status.textContent = `The snapshots could not be read: ${(err as Error).message}`;
      return;
    }
    if (destroyed) return;
    const keepFrom = snapFrom.value;
    const keepTo = snapTo.value;
    const when = (s: SnapshotRow) => `${s.name} (${new Date(s.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })})`;
    fill(snapFrom, snapshots.length ? snapshots.map((s) => h('option', { value: s.id, selected: s.id === keepFrom }, when(s))) : h('option', { value: '' }, 'No snapshot yet'));
    fill(
      snapTo,
      h('option', { value: 'current', selected: !keepTo || keepTo === 'current' }, 'The graph now'),
      snapshots.map((s) => h('option', { value: s.id, selected: s.id === keepTo }, when(s))),
    );
    const s = await session().catch(() => null);
    if (destroyed) return;
    const editor = can(s, 'edit');
    snapForm.hidden = !editor;
    snapHint.hidden = editor;
  }

  snapTake.addEventListener('click', async () => {
    const name = snapName.value.trim();
    if (!name) return void (status.textContent = 'Name the snapshot first, e.g. “End of Q2 2010”.');
    snapTake.disabled = true;
    try {
      const row = await takeSnapshot(name);
      snapName.value = '';
      await refreshSnapshots();
      snapFrom.value = row.id;
      status.textContent = `Snapshot “${row.name}” frozen: ${row.nodes} nodes and ${row.relationships} links. Compare it with the graph now after the next edit.`;
      ctx.announce(status.textContent);
    } catch (err) {
      status.textContent = `The snapshot was not taken: ${(err as Error).message}`;
    } finally {
      snapTake.disabled = false;
    }
  });

  async function compare() {
    closeMap();
    showMap.hidden = true;
    out.replaceChildren();
    status.textContent = 'Comparing…';
    try {
      if (mode === 'plans') {
        if (!planA.value || !planB.value) return void (status.textContent = 'Choose two plans.');
        if (planA.value === planB.value) return void (status.textContent = 'Choose two different plans.');
        result = { kind: 'plans', value: await comparePlansApi(planA.value, planB.value) };
      } else {
        if (!snapFrom.value) return void (status.textContent = 'Freeze a snapshot first, then compare it with the graph now.');
        result = { kind: 'snapshots', value: await compareSnapshots(snapFrom.value, snapTo.value || 'current') };
      }
    } catch (err) {
      result = null;
      status.textContent = `The comparison failed: ${(err as Error).message}`;
      return;
    }
    if (destroyed || !frame) return;
    render(frame);
    ctx.announce(status.textContent ?? '');
  }

  function render(f: Frame) {
    if (!result) return;
    const index = f.data.index;
    if (result.kind === 'plans') {
      const r = result.value;
      const a = index.nodes.get(r.a);
      const b = index.nodes.get(r.b);
      const leadsChanged = r.continued.filter((c) => c.leadChanged).length;
      status.textContent = `${a?.planShort ?? 'The earlier plan'} against ${b?.planShort ?? 'the later plan'}: ${plural(r.continued.length, 'action')} continued, ${r.dropped.length} dropped, ${r.added.length} new; ${plural(leadsChanged, 'lead')} changed.`;
      fill(out, planTables(r, index));
    } else {
      const r = result.value;
      const c = r.counts;
      status.textContent = `${r.from.label} against ${r.to.label}: ${c.nodesAdded} added, ${c.nodesRemoved} removed, ${c.nodesChanged} changed; links ${c.relationshipsAdded} added, ${c.relationshipsRemoved} removed, ${c.relationshipsChanged} changed.`;
      fill(out, snapshotTables(r, index));
    }
    showMap.hidden = false;
  }

  showMap.addEventListener('click', () => {
    if (!result || !frame) return;
    const picture = result.kind === 'plans' ? planPicture(result.value, frame.data.index) : snapshotPicture(result.value, frame.data.index);
    if (frame.state.view !== 'map') ctx.dispatch((s) => setView(s, 'map'));
    // focusNode closes a phone's drawer to show the map; the diff view then takes the map's place.
    const first = picture.nodes.find((n) => n.mark)?.data.id;
    if (first) ctx.focusNode(first);
    const host = ctx.map()?.cy.container()?.parentElement;
    if (!host) return void (status.textContent = 'The map is not drawn yet; try again in a moment.');
    closeMap();
    diffMap = mountDiffMap(host, picture, () => {
      diffMap = null;
      showMap.focus();
      ctx.announce('Back to the map.');
    });
    // After the map takes focus for the node, the key's button takes it for the diff view.
    requestAnimationFrame(() => requestAnimationFrame(() => host.querySelector<HTMLElement>('#compare-map-back')?.focus()));
    ctx.announce(
      `Differences on the map: ${picture.legend
        .filter((l) => l.count > 0)
        .map((l) => `${l.count} ${l.label}`)
        .join(', ')}. Escape or “Back to the map” returns to the map.`,
    );
  });

  function closeMap() {
    diffMap?.destroy();
    diffMap = null;
  }

  return {
    update(f) {
      const first = frame === null;
      frame = f;
      fillPlans(f);
      if (first && mode === 'snapshots') void refreshSnapshots();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      closeMap();
      el.remove();
    },
    focus() {
      el.querySelector<HTMLElement>('#compare-heading')?.focus();
    },
  };
}
