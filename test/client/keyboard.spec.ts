import { describe, expect, it } from 'vitest';
import { chooseRenderer } from '../../client/map/renderer.js';
import { directionOfKey, nearestTo, neighbourInDirection } from '../../client/map/keyboard.js';

const from = { id: 'a', x: 0, y: 0 };

describe('keyboard navigation on the map', () => {
  it('moves up to the neighbour straight above rather than a nearer one off to the side', () => {
    const n = [
      { id: 'above', x: 10, y: -300 },
      { id: 'diagonal', x: 120, y: -140 },
    ];
    expect(neighbourInDirection(from, n, 'up')).toBe('above');
  });

  it('prefers the nearer of two neighbours in the same direction', () => {
    expect(
      neighbourInDirection(
        from,
        [
          { id: 'far', x: 0, y: 500 },
          { id: 'near', x: 0, y: 100 },
        ],
        'down',
      ),
    ).toBe('near');
  });

  it('stays put when no neighbour lies that way', () => {
    expect(neighbourInDirection(from, [{ id: 'below', x: 0, y: 100 }], 'up')).toBeNull();
    expect(neighbourInDirection(from, [], 'left')).toBeNull();
  });

  it('ignores the node itself and neighbours on the same spot', () => {
    expect(neighbourInDirection(from, [from, { id: 'same', x: 0, y: 0 }, { id: 'r', x: 50, y: 10 }], 'right')).toBe('r');
  });

  it('maps the arrow keys', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Enter'].map(directionOfKey)).toEqual(['up', 'down', 'left', 'right', null]);
  });

  it('starts from the node nearest the centre of the view', () => {
    expect(
      nearestTo({ x: 0, y: 0 }, [
        { id: 'far', x: 900, y: 0 },
        { id: 'close', x: 20, y: -30 },
      ]),
    ).toBe('close');
    expect(nearestTo({ x: 0, y: 0 }, [])).toBeNull();
  });
});

describe('choosing the renderer', () => {
  const gpu = { available: true, software: false, renderer: 'ANGLE (NVIDIA)' };
  const soft = { available: true, software: true, renderer: 'SwiftShader' };
  const none = { available: false, software: false, renderer: 'none' };
  it.each([
    ['auto', 1270, gpu, 'canvas'],
    ['auto', 10_000, gpu, 'webgl'],
    ['auto', 10_000, soft, 'canvas'],
    ['webgl', 100, soft, 'webgl'],
    ['webgl', 100, none, 'canvas'],
    ['canvas', 10_000, gpu, 'canvas'],
  ] as const)('%s with %i elements on %o draws with %s', (choice, count, support, expected) => {
    expect(chooseRenderer(choice, count, support)).toBe(expected);
  });
});
