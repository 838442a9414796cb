import type { RendererChoice } from '../state/types.js';

/**
 * Which renderer draws the map: a pure choice from the planner's setting, the size of
 * the graph and what the browser offers. No Cytoscape here, so it is tested without a DOM.
 */

export type RendererKind = 'canvas' | 'webgl';

/** Above this many elements `auto` draws with WebGL. */
export const WEBGL_THRESHOLD = 3000;
/** Above this many elements the canvas renderer draws a texture while panning and hides edges and labels. */
export const LARGE_GRAPH = 1500;

export type WebglSupport = { available: boolean; software: boolean; renderer: string };

/**
 * `auto` draws with WebGL above the threshold, but only on a real GPU: under a software
 * rasteriser (SwiftShader, llvmpipe) the browser benchmark measured WebGL frames several
 * times slower than the canvas renderer's texture-while-panning (see bench/browser).
 */
export function chooseRenderer(choice: RendererChoice, elementCount: number, webgl: WebglSupport): RendererKind {
  if (!webgl.available) return 'canvas';
  if (choice === 'auto') return elementCount > WEBGL_THRESHOLD && !webgl.software ? 'webgl' : 'canvas';
  return choice;
}

let probed: WebglSupport | null = null;

/**
 * What WebGL the browser offers, probed once: the probe opens a WebGL2 context, which
 * under a software rasteriser costs a noticeable slice of the start-up, so it is asked
 * only when a choice depends on it (see `rendererFor`).
 */
export function webglSupport(): WebglSupport {
  probed ??= probeWebgl();
  return probed;
}

/** `chooseRenderer`, probing WebGL only when the answer could be WebGL. */
export function rendererFor(choice: RendererChoice, elementCount: number): RendererKind {
  if (choice === 'canvas' || (choice === 'auto' && elementCount <= WEBGL_THRESHOLD)) return 'canvas';
  return chooseRenderer(choice, elementCount, webglSupport());
}

function probeWebgl(): WebglSupport {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return { available: false, software: false, renderer: 'none' };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: /swiftshader|llvmpipe|software|softpipe|basic render/i.test(renderer), renderer };
  } catch {
    return { available: false, software: false, renderer: 'none' };
  }
}
