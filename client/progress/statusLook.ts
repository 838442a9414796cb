import { STATUS_SYMBOLS } from '../../model/statusWords.js';
import type { Status } from '../../model/vocabulary.js';
import { OKABE_ITO } from '../graph/kinds.js';

/**
 * How a progress status looks wherever the explorer draws one (the map's badges, their
 * legend, the roll-up): a symbol, a shape and a colour, so it reads without colour too.
 * The colours are the Okabe-Ito set the "Colour by: progress status" rule uses; each
 * carries a text colour that keeps the symbol at 4.5:1 or better against it.
 */

export type BadgeStatus = Status | 'no update';
export type BadgeShape = 'circle' | 'square' | 'diamond' | 'triangle';

export type StatusLook = { symbol: string; shape: BadgeShape; fill: string; ink: string };

export const STATUS_LOOKS: Record<BadgeStatus, StatusLook> = {
  complete: { symbol: STATUS_SYMBOLS.complete, shape: 'square', fill: OKABE_ITO.blue, ink: '#ffffff' },
  'on target': { symbol: STATUS_SYMBOLS['on target'], shape: 'circle', fill: OKABE_ITO.bluishGreen, ink: '#000000' },
  'part complete': { symbol: STATUS_SYMBOLS['part complete'], shape: 'circle', fill: OKABE_ITO.skyBlue, ink: '#000000' },
  ongoing: { symbol: STATUS_SYMBOLS.ongoing, shape: 'circle', fill: OKABE_ITO.yellow, ink: '#000000' },
  'not started': { symbol: STATUS_SYMBOLS['not started'], shape: 'circle', fill: '#ffffff', ink: '#000000' },
  delayed: { symbol: STATUS_SYMBOLS.delayed, shape: 'triangle', fill: OKABE_ITO.vermillion, ink: '#000000' },
  'at risk': { symbol: STATUS_SYMBOLS['at risk'], shape: 'diamond', fill: OKABE_ITO.orange, ink: '#000000' },
  'not required': { symbol: STATUS_SYMBOLS['not required'], shape: 'square', fill: '#bbbbbb', ink: '#000000' },
  unknown: { symbol: STATUS_SYMBOLS.unknown, shape: 'circle', fill: '#dddddd', ink: '#000000' },
  'no update': { symbol: '·', shape: 'circle', fill: '#f2f2f2', ink: '#333333' },
};

/** The order statuses are listed in: finished, going well, going, stuck, unknown. */
export const BADGE_ORDER: readonly BadgeStatus[] = ['complete', 'on target', 'part complete', 'ongoing', 'not started', 'delayed', 'at risk', 'not required', 'unknown', 'no update'];

/** The mark an overdue action carries beside its status symbol. */
export const OVERDUE_MARK = '◷';
