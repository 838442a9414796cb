import { describe, expect, it } from 'vitest';
import { buildStyle } from '../../client/map/style.js';
import { inferredNote, threadHeadline } from '../../client/thread/utils.js';
import type { ThreadResponse } from '../../model/api.js';
import { basesOfClass } from '../../model/vocabulary.js';

/** Printed or inferred in the explorer: the map's stylesheet and the thread panel's headline. */

const origin = { id: 'gcjsw-2013:action:2.6-2013', kind: 'Action', label: 'Improve joint working with other partner agencies.', ref: '2.6', plan: 'plan:gcjsw-2013' } as const;
const thread = (printed: boolean[]): ThreadResponse => ({
  origin,
  direction: 'up',
  paths: printed.map((p, i) => ({ nodes: [origin.id, `end:${i}`], edges: [`e${i}`], lead: null, bases: [p ? 'printed in the same row' : 'near-exact wording'], printed: p })),
  elements: { nodes: [], edges: [] },
  description: '',
});

describe('inferred links look different', () => {
  it('the canvas stylesheet dashes every inferred basis, on the map and on the thread; printed ones are not selected', () => {
    const sheet = buildStyle({ webgl: false, labelScale: 1 }) as { selector: string; style: Record<string, unknown> }[];
    const rule = sheet.find((r) => r.selector.includes('edge[linkBasis = "near-exact wording"]') && !r.selector.includes('em-path'))!;
    expect(rule.style['line-style']).toBe('dashed');
    for (const b of basesOfClass('inferred')) expect(rule.selector).toContain(`edge[linkBasis = "${b}"]`);
    expect(rule.selector).not.toContain('printed');
    expect(sheet.some((r) => r.selector.includes('edge[linkBasis = "document structure"].em-path') && r.style['line-style'] === 'dashed')).toBe(true);
  });

  it('the WebGL stylesheet, which cannot dash, draws them thinner and fainter', () => {
    const sheet = buildStyle({ webgl: true, labelScale: 1 }) as { selector: string; style: Record<string, unknown> }[];
    const rule = sheet.find((r) => r.selector.startsWith('edge[linkBasis = "exact wording"]'))!;
    expect(rule.style).toMatchObject({ width: 1, opacity: 0.35 });
  });

  it('the thread headline says how many paths rest on an inferred link', () => {
    expect(inferredNote(thread([true, true]))).toBe('');
    expect(threadHeadline(thread([true, false]))).toBe(
      'Golden thread of Action 2.6: 2 paths up to 2 national ends. 1 of them rests on a link curation inferred, not printed in the document (drawn dashed).',
    );
    expect(inferredNote(thread([false]))).toContain('It rests on a link curation inferred');
  });
});
