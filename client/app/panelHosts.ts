import type { AppState } from '../state/types.js';
import { fill, h } from '../ui/dom.js';
import type { Ctx, Panel } from './context.js';
import { MAIN_VIEWS, SIDE_PANELS, type PanelEntry } from './registry.js';

/**
 * The registered panels (app/registry.ts) in the page: each loaded and mounted the
 * first time the state shows it (with "Loading …" meanwhile, and "Try again" if its
 * code could not be fetched), and from then on updated while it is on screen.
 */

export type PanelHosts = {
  /** The panels the state shows that are mounted, loading the others. */
  visible(s: AppState): Panel[];
  /** A mounted panel by its registry id. */
  get(id: string): Panel | undefined;
  destroy(): void;
};

export function mountPanelHosts(hosts: { side: ReadonlyMap<string, HTMLElement>; views: ReadonlyMap<string, HTMLElement> }, ctx: Ctx, isDestroyed: () => boolean): PanelHosts {
  const mounted = new Map<string, Panel>();
  const loading = new Set<string>();
  const ensure = (entry: PanelEntry, host: HTMLElement): Panel | null => {
    const have = mounted.get(entry.id);
    if (have || loading.has(entry.id)) return have ?? null;
    loading.add(entry.id);
    fill(host, h('p', { class: 'hint panel-loading' }, `Loading ${entry.label.toLowerCase()}…`));
    entry.load().then(
      (mount) => {
        loading.delete(entry.id);
        if (isDestroyed()) return;
        host.replaceChildren();
        mounted.set(entry.id, mount(host, ctx));
        ctx.requestRender();
      },
      (err: unknown) => {
        loading.delete(entry.id);
        fill(
          host,
          h('p', { class: 'error' }, `This panel could not be loaded: ${err instanceof Error ? err.message : String(err)}`),
          h('button', { type: 'button', class: 'button small', onclick: () => ensure(entry, host) }, 'Try again'),
        );
      },
    );
    return null;
  };
  return {
    visible(s) {
      const out: Panel[] = [];
      const side = SIDE_PANELS.find((p) => p.id === s.panel);
      if (side) {
        const p = ensure(side, hosts.side.get(side.id)!);
        if (p) out.push(p);
      }
      const main = MAIN_VIEWS.find((v) => v.id === s.view);
      if (main?.load) {
        const p = ensure(main, hosts.views.get(main.id)!);
        if (p) out.push(p);
      }
      return out;
    },
    get: (id) => mounted.get(id),
    destroy() {
      for (const p of mounted.values()) p.destroy();
      mounted.clear();
    },
  };
}
