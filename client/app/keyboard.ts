import type cytoscape from 'cytoscape';
import { directionOfKey, nearestTo, neighbourInDirection, type Point } from '../map/keyboard.js';
import { threadStepCandidates } from '../map/neighbourhood.js';
import type { MapHandle } from '../map/index.js';
import { chooseCell, chooseGap, clearNeighbourhood, exitThread, expandNeighbourhood, select, setPanel, toggleThread } from '../state/actions.js';
import { describeNode } from '../thread/utils.js';
import type { Ctx, Frame } from './context.js';

/**
 * The explorer's keys. On the page: `/` to search, Esc out of a thread. On the map:
 * arrows move along links (along the golden thread while one is lit), Shift+arrows
 * pan, Enter opens the details, T the thread, N / Shift+N grow and shrink the
 * neighbourhood (the Menu key, or Shift+F10, opens the node's menu: by steps and by
 * relationship type), Esc steps back, + − 0 zoom and fit.
 */

export type KeyboardDeps = {
  ctx: Ctx;
  mapEl: HTMLElement;
  map(): MapHandle | null;
  frame(): Frame | null;
  focusSearch(): void;
  /** Opens the details panel and puts focus on its heading. */
  focusDetails(): void;
  /** The node's context menu (neighbourhood by steps and relationship type, thread). */
  openContextMenu(id: string): void;
};

export function bindKeyboard(doc: Document, deps: KeyboardDeps): () => void {
  const { ctx, mapEl } = deps;

  const onGlobalKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement | null;
    const typing = t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || t.isContentEditable);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      deps.focusSearch();
    } else if (e.key === 'Escape' && !typing && t !== mapEl && ctx.store.get().mode === 'thread') {
      ctx.dispatch(exitThread);
    }
  };

  const pointOf = (n: cytoscape.NodeSingular): Point => ({ id: n.id(), ...n.position() });

  const move = (map: MapHandle, f: Frame, dir: NonNullable<ReturnType<typeof directionOfKey>>) => {
    const s = ctx.store.get();
    const cy = map.cy;
    const current = s.selected ? cy.getElementById(s.selected) : null;
    const currentShown = current && !current.empty() && !current.hasClass('hidden');
    let next: string | null;
    if (s.mode === 'thread' && f.thread.status === 'ready') {
      // Walk the thread: up and down along its paths, left and right across it.
      const t = f.thread.value;
      const candidates = threadStepCandidates(t.paths, t.origin.id, currentShown ? s.selected : null, dir)
        .map((id) => cy.getElementById(id))
        .filter((n) => !n.empty() && !n.hasClass('hidden'))
        .map((n) => pointOf(n as cytoscape.NodeSingular));
      next = !currentShown ? (candidates[0]?.id ?? null) : neighbourInDirection(pointOf(current), candidates, dir);
      if (!next) {
        ctx.announce(`The golden thread goes no further ${dir === 'up' ? 'up' : dir === 'down' ? 'down' : `to the ${dir}`}.`);
        return;
      }
    } else if (!currentShown) {
      const ext = cy.extent();
      next = nearestTo(
        { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 },
        cy
          .nodes()
          .not('.hidden')
          .map((n) => pointOf(n as cytoscape.NodeSingular)),
      );
    } else {
      const neighbours = current.neighborhood('node').not('.hidden');
      next = neighbourInDirection(
        pointOf(current),
        neighbours.map((n) => pointOf(n as cytoscape.NodeSingular)),
        dir,
      );
      if (!next) {
        ctx.announce(`No linked node ${dir === 'up' ? 'above' : dir === 'down' ? 'below' : `to the ${dir}`}.`);
        return;
      }
    }
    if (!next) return;
    const id = next;
    // In a thread the selection moves along it without leaving thread mode.
    ctx.dispatch((x) => (x.mode === 'thread' ? { ...x, selected: id } : select(x, id)));
    map.centreOn(id);
    ctx.announce(describeNode(f.data.index, id, f.view.visible));
  };

  const onMapKey = (e: KeyboardEvent) => {
    const map = deps.map();
    const f = deps.frame();
    if (!map || !f || e.altKey || e.ctrlKey || e.metaKey) return;
    const s = ctx.store.get();
    if ((e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) && s.selected) {
      e.preventDefault();
      deps.openContextMenu(s.selected);
      return;
    }
    const dir = directionOfKey(e.key);
    if (dir && e.shiftKey) {
      e.preventDefault();
      const step = 120;
      map.panBy(dir === 'left' ? step : dir === 'right' ? -step : 0, dir === 'up' ? step : dir === 'down' ? -step : 0);
      return;
    }
    if (dir) {
      e.preventDefault();
      move(map, f, dir);
      return;
    }
    switch (e.key) {
      case 'Enter':
        if (s.selected) {
          e.preventDefault();
          ctx.dispatch((x) => setPanel(x, 'details'), 'replace');
          deps.focusDetails();
        }
        break;
      case 't':
      case 'T':
        if (s.selected) {
          e.preventDefault();
          ctx.dispatch(toggleThread);
        }
        break;
      case 'n':
      case 'N':
        if (s.selected) {
          e.preventDefault();
          const id = s.selected;
          ctx.dispatch((x) => expandNeighbourhood(x, id, e.shiftKey ? -1 : 1));
          const nb = ctx.store.get().neighbourhood;
          ctx.announce(nb ? `Showing everything within ${nb.steps} ${nb.steps === 1 ? 'link' : 'links'} of the selection.` : 'Neighbourhood closed.');
        }
        break;
      case 'Escape':
        e.preventDefault();
        if (s.mode === 'thread') ctx.dispatch(exitThread);
        else if (s.neighbourhood) ctx.dispatch(clearNeighbourhood);
        else if (s.cell) ctx.dispatch((x) => chooseCell(x, null));
        else if (s.gap) ctx.dispatch((x) => chooseGap(x, null));
        else if (s.selected) ctx.dispatch((x) => select(x, null));
        break;
      case '+':
      case '=':
        e.preventDefault();
        map.zoomBy(1.3);
        break;
      case '-':
      case '_':
        e.preventDefault();
        map.zoomBy(1 / 1.3);
        break;
      case '0':
        e.preventDefault();
        map.fit(null);
        break;
      default:
    }
  };

  doc.addEventListener('keydown', onGlobalKey);
  mapEl.addEventListener('keydown', onMapKey);
  return () => {
    doc.removeEventListener('keydown', onGlobalKey);
    mapEl.removeEventListener('keydown', onMapKey);
  };
}
