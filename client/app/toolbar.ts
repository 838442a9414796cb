import { LAYOUTS } from '../layout/index.js';
import { webglSupport, type WebglSupport } from '../map/renderer.js';
import { setLabelScale, setLayout, setRenderer, setStyleRule } from '../state/actions.js';
import { LABEL_SCALES, LAYOUT_IDS, RENDERER_CHOICES, STYLE_RULES, STYLE_RULE_NAMES, type LabelScale, type LayoutId, type RendererChoice, type StyleRule } from '../state/types.js';
import { syncSelect } from '../ui/controls.js';
import { h } from '../ui/dom.js';
import type { Ctx, Frame } from './context.js';
import type { Shell } from './shell.js';

/**
 * The map's tools: the Tools menu (layout, label size and the projector theme, the
 * styling rule, the renderer), the Export menu, and the zoom buttons on the map itself.
 * The exporters load when first used: they are not part of the first page load.
 */

export const EXPORT_FORMATS = [
  { id: 'png', label: 'PNG image' },
  { id: 'svg', label: 'SVG drawing' },
  { id: 'pdf-a4', label: 'PDF, A4 landscape' },
  { id: 'pdf-a3', label: 'PDF, A3 landscape' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

export function mountToolbar(shell: Shell, ctx: Ctx, frame: () => Frame | null) {
  // Probed when the planner reaches for the renderer menu, not at start-up (map/renderer.ts).
  let webgl: WebglSupport | null = null;
  const field = (id: string, label: string, select: HTMLSelectElement) => h('div', { class: 'tool-field' }, h('label', { for: id }, label), select);
  const layout = h('select', { id: 'layout-select', onchange: () => ctx.dispatch((s) => setLayout(s, layout.value as LayoutId)) });
  const labels = h('select', { id: 'label-select', onchange: () => ctx.dispatch((s) => setLabelScale(s, Number(labels.value) as LabelScale)) });
  const styleBy = h('select', { id: 'style-select', onchange: () => ctx.dispatch((s) => setStyleRule(s, styleBy.value as StyleRule)) });
  const renderer = h('select', { id: 'renderer-select', onchange: () => ctx.dispatch((s) => setRenderer(s, renderer.value as RendererChoice)) });
  const probe = () => {
    if (webgl) return;
    webgl = webglSupport();
    ctx.requestRender();
  };
  renderer.addEventListener('focus', probe);
  renderer.addEventListener('pointerdown', probe);
  shell.toolsMenu.append(
    field('layout-select', 'Layout', layout),
    field('label-select', 'Labels', labels),
    field('style-select', 'Colour by', styleBy),
    field('renderer-select', 'Renderer', renderer),
  );

  const status = h('p', { class: 'hint export-status', role: 'status' });
  const run = async (format: ExportFormat) => {
    const f = frame();
    const map = ctx.map();
    if (!f || !map) return;
    status.textContent = 'Preparing the export…';
    try {
      const { exportMap } = await import('../export/board.js');
      const name = await exportMap(format, map, f);
      status.textContent = `Saved ${name}.`;
      ctx.announce(`The map was exported as ${name}.`);
    } catch (err) {
      status.textContent = '';
      ctx.alert(`The map could not be exported: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  shell.exportMenu.append(
    h('p', { class: 'hint' }, 'The whole drawing of what the map shows (filters, a thread or a highlight), with title, legend, bands, the filters, sources and date.'),
    ...EXPORT_FORMATS.map((x) => h('button', { type: 'button', class: 'button small menu-item', id: `export-${x.id}`, onclick: () => void run(x.id) }, x.label)),
    status,
  );

  const tool = (label: string, text: string, onclick: () => void, id: string) => h('button', { type: 'button', class: 'tool map-tool', 'aria-label': label, title: label, onclick, id }, text);
  shell.mapHost.querySelector('.map-controls')?.append(
    tool('Fit the map to the view', 'Fit', () => ctx.map()?.fit(null), 'fit-button'),
    tool('Zoom out', '−', () => ctx.map()?.zoomBy(1 / 1.3), 'zoom-out'),
    tool('Zoom in', '+', () => ctx.map()?.zoomBy(1.3), 'zoom-in'),
  );

  return {
    update(f: Frame) {
      const s = f.state;
      syncSelect(
        layout,
        LAYOUT_IDS.map((id) => ({ value: id, label: LAYOUTS[id].name })),
        s.layout,
      );
      syncSelect(
        labels,
        LABEL_SCALES.map((l) => ({ value: String(l), label: l === 2 ? 'Projector (200%)' : `${Math.round(l * 100)}%` })),
        String(s.labelScale),
      );
      syncSelect(
        styleBy,
        STYLE_RULES.map((r) => ({ value: r, label: STYLE_RULE_NAMES[r] })),
        s.styleBy,
      );
      syncSelect(
        renderer,
        RENDERER_CHOICES.map((r) => ({
          value: r,
          label:
            r === 'auto'
              ? `Auto (${f.renderer === 'webgl' ? 'WebGL' : 'canvas'})`
              : r === 'webgl'
                ? !webgl
                  ? 'WebGL'
                  : webgl.available
                    ? webgl.software
                      ? 'WebGL (software)'
                      : 'WebGL'
                    : 'WebGL (unavailable)'
                : 'Canvas',
        })),
        s.renderer,
      );
    },
    destroy() {},
  };
}
