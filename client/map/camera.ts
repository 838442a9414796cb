import type { Camera } from '../state/types.js';

/**
 * The camera in graph coordinates, and back to Cytoscape's screen-pixel viewport
 * (zoom and pan). Pure, so a link's framing is tested without a browser: the area a
 * planner saw on a 1920-pixel screen is the area a phone frames, only smaller.
 */

export type ScreenViewport = { zoom: number; pan: { x: number; y: number } };
export type Size = { width: number; height: number };

/** What a screen shows, as a camera: its centre and size in graph units. */
export function cameraOf(viewport: ScreenViewport, screen: Size): Camera {
  const { zoom, pan } = viewport;
  return {
    x: (screen.width / 2 - pan.x) / zoom,
    y: (screen.height / 2 - pan.y) / zoom,
    w: screen.width / zoom,
    h: screen.height / zoom,
  };
}

/**
 * The viewport that shows the whole camera area on this screen, centred: the zoom is
 * the larger of the two the area's sides allow to fit, clamped to the map's limits.
 */
export function viewportFor(camera: Camera, screen: Size, limits: { min: number; max: number } = { min: 0.03, max: 6 }): ScreenViewport {
  const fit = Math.min(screen.width / Math.max(camera.w, 1e-6), screen.height / Math.max(camera.h, 1e-6));
  const zoom = Math.min(limits.max, Math.max(limits.min, fit));
  return { zoom, pan: { x: screen.width / 2 - camera.x * zoom, y: screen.height / 2 - camera.y * zoom } };
}

/** Two cameras frame the same area to within half a percent: not worth a URL change or a jump. */
export function sameCamera(a: Camera, b: Camera): boolean {
  const tol = 0.005 * Math.max(a.w, a.h, b.w, b.h, 1);
  return Math.abs(a.x - b.x) < tol && Math.abs(a.y - b.y) < tol && Math.abs(a.w - b.w) < tol * 2 && Math.abs(a.h - b.h) < tol * 2;
}

/**
 * Whether a screen already shows a camera as `viewportFor` would frame it: a followed
 * camera is re-applied only when the map has moved off it, so applying it never loops.
 */
export function showsCamera(viewport: ScreenViewport, camera: Camera, screen: Size, limits: { min: number; max: number } = { min: 0.03, max: 6 }): boolean {
  return sameCamera(cameraOf(viewport, screen), cameraOf(viewportFor(camera, screen, limits), screen));
}
