import { describe, expect, it } from 'vitest';
import { toMapElements } from '../../client/graph/elements.js';
import { LAYOUTS } from '../../client/layout/index.js';
import { layeredPositions, naturalCompare, type LayeredEdge, type LayeredNode } from '../../client/layout/layered.js';
import { sampleGraph } from './fixtures.js';

describe('the layered layout', () => {
  const elements = toMapElements(sampleGraph());
  const positions = LAYOUTS.layered.run({ nodes: elements.nodes.map((n) => n.data), edges: elements.edges.map((e) => e.data) });
  const y = (id: string) => positions.get(id)!.y;

  it('places every node', () => {
    expect(positions.size).toBe(elements.nodes.length);
  });

  it('reads from the bottom up: organisations, actions, local outcomes, aims, framework outcomes, national outcomes', () => {
    const chain = ['org:sacro', 'lcja-2008:action:2.5.7', 'lcja-2008:local-outcome:accommodation', 'aim:1', 'nsmo:O2', 'no:9'];
    for (let i = 1; i < chain.length; i++) expect(y(chain[i]!)).toBeLessThan(y(chain[i - 1]!));
  });

  it('keeps the national outcomes in their printed order', () => {
    expect(positions.get('no:4')!.x).toBeLessThan(positions.get('no:9')!.x);
  });

  it('never puts two nodes on the same spot', () => {
    const spots = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(positions.size);
  });

  it('is the same every time for the same graph', () => {
    const again = LAYOUTS.layered.run({ nodes: elements.nodes.map((n) => n.data), edges: elements.edges.map((e) => e.data) });
    expect([...again]).toEqual([...positions]);
  });

  it('puts a node under what it serves (barycentre ordering)', () => {
    // Two outcomes at the top, far apart; each action serves one of them.
    const nodes: LayeredNode[] = [
      { id: 'top-a', layer: 5, order: '1' },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `mid-${i}`, layer: 5, order: String(i + 2) })),
      { id: 'top-b', layer: 5, order: '99' },
      { id: 'act-b', layer: 1, order: 'a' },
      { id: 'act-a', layer: 1, order: 'b' },
    ];
    const edges: LayeredEdge[] = [
      { source: 'act-a', target: 'top-a' },
      { source: 'act-b', target: 'top-b' },
    ];
    const p = layeredPositions(nodes, edges);
    expect(p.get('act-a')!.x).toBeLessThan(p.get('act-b')!.x);
  });

  it('wraps a crowded band into staggered rows instead of one endless line', () => {
    const nodes: LayeredNode[] = [
      ...Array.from({ length: 16 }, (_, i) => ({ id: `no:${i + 1}`, layer: 5, order: String(i + 1) })),
      ...Array.from({ length: 600 }, (_, i) => ({ id: `a${i}`, layer: 1, order: String(i) })),
    ];
    const p = layeredPositions(nodes, []);
    const actionRows = new Set(Array.from({ length: 600 }, (_, i) => p.get(`a${i}`)!.y));
    expect(actionRows.size).toBeGreaterThan(1);
    const xs = Array.from({ length: 600 }, (_, i) => p.get(`a${i}`)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  // Its speed is a figure in the browser bench (bench/browser, layout at 1k, 5k and 10k elements), not a unit-test timing.
  it("lays out 10,000 elements: every node placed once, each in its own layer's row", () => {
    const nodes: LayeredNode[] = Array.from({ length: 4000 }, (_, i) => ({ id: `n${i}`, layer: i % 6, group: `p${i % 7}`, order: String(i) }));
    const edges: LayeredEdge[] = Array.from({ length: 6000 }, (_, i) => ({ source: `n${(i * 7) % 4000}`, target: `n${(i * 13 + 5) % 4000}` }));
    const p = layeredPositions(nodes, edges);
    expect(p.size).toBe(4000);
    // Higher layers sit higher on the map (smaller y) than every node of a lower layer.
    const ys = (layer: number) => nodes.filter((n) => n.layer === layer).map((n) => p.get(n.id)!.y);
    for (let layer = 1; layer < 6; layer++) expect(Math.max(...ys(layer))).toBeLessThan(Math.min(...ys(layer - 1)));
    expect([...p.values()].every((q) => Number.isFinite(q.x) && Number.isFinite(q.y))).toBe(true);
  });

  it('counts references the way people do', () => {
    expect(['2.10', '2.9', '2.1'].sort(naturalCompare)).toEqual(['2.1', '2.9', '2.10']);
  });
});
