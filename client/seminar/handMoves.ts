import type { Ctx } from '../app/context.js';

/**
 * Tells a participant's own pan or zoom from the map moving to follow the facilitator:
 * both change the camera, so the camera cannot say; the hand can. A wheel turn, a drag
 * or pinch on the map, the zoom buttons, or the map's pan and zoom keys count as moves.
 */
const MOVE_KEYS = new Set(['+', '=', '-', '_', '0', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
const DRAG_PX = 8;

export function watchHandMoves(_ctx: Ctx, onMove: () => void, doc: Document = document): () => void {
  const frame = () => doc.querySelector<HTMLElement>('.map-frame');
  let down: { x: number; y: number } | null = null;
  const onWheel = (e: WheelEvent) => {
    if (inMap(e.target)) onMove();
  };
  const onDown = (e: PointerEvent) => {
    down = inMap(e.target) ? { x: e.clientX, y: e.clientY } : null;
  };
  const onPointerMove = (e: PointerEvent) => {
    if (down && Math.hypot(e.clientX - down.x, e.clientY - down.y) > DRAG_PX) {
      down = null;
      onMove();
    }
  };
  const onUp = () => (down = null);
  const onClick = (e: MouseEvent) => {
    if ((e.target as Element | null)?.closest?.('.map-controls')) onMove();
  };
  const onKey = (e: KeyboardEvent) => {
    // Arrows alone walk the selection (the store watch sees that); with Shift they pan.
    if (!(e.target as Element | null)?.closest?.('#map')) return;
    if (MOVE_KEYS.has(e.key) && (!e.key.startsWith('Arrow') || e.shiftKey)) onMove();
  };
  function inMap(t: EventTarget | null): boolean {
    const f = frame();
    return !!f && t instanceof Node && f.contains(t) && !(t as Element).closest?.('.map-controls, .seminar-overlay, .follow-bar');
  }
  doc.addEventListener('wheel', onWheel, { capture: true, passive: true });
  doc.addEventListener('pointerdown', onDown, { capture: true });
  doc.addEventListener('pointermove', onPointerMove, { capture: true, passive: true });
  doc.addEventListener('pointerup', onUp, { capture: true });
  doc.addEventListener('click', onClick, { capture: true });
  doc.addEventListener('keydown', onKey, { capture: true });
  return () => {
    doc.removeEventListener('wheel', onWheel, { capture: true });
    doc.removeEventListener('pointerdown', onDown, { capture: true });
    doc.removeEventListener('pointermove', onPointerMove, { capture: true });
    doc.removeEventListener('pointerup', onUp, { capture: true });
    doc.removeEventListener('click', onClick, { capture: true });
    doc.removeEventListener('keydown', onKey, { capture: true });
  };
}
