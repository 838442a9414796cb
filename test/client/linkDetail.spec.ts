import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_STYLES } from '../../client/graph/relationships.js';
import { ARROW_ZOOM, buildStyle, linksWithArrows } from '../../client/map/style.js';
import { RELATIONSHIP_TYPES } from '../../model/relationships.js';

/** Links' level of detail: arrowheads only where they are big enough to be seen. */

type Rule = { selector: string; style: Record<string, unknown> };
const sheetAt = (labelZoom: number, webgl = false) => buildStyle({ webgl, labelScale: 1, labelZoom }) as Rule[];
const edgeRule = (sheet: Rule[]) => sheet.find((r) => r.selector === 'edge')!;
const typeRule = (sheet: Rule[], type: string) => sheet.find((r) => r.selector === `edge[type = "${type}"]`)!;

describe('links level of detail', () => {
  it('turns on at the zoom where an arrowhead (29 model units at least) is 8 pixels on screen', () => {
    expect(ARROW_ZOOM * 29).toBeCloseTo(8, 10);
    // The fitted zooms of the seed map measured in the browser: 0.086 (390x844), 0.215 (1366x768), 0.228 (1920x1080).
    for (const fitted of [0.086, 0.215, 0.228]) expect(linksWithArrows(fitted, false)).toBe(false);
    expect(linksWithArrows(ARROW_ZOOM, false)).toBe(true);
    expect(linksWithArrows(ARROW_ZOOM - 1e-9, false)).toBe(false);
    expect(linksWithArrows(1, false)).toBe(true);
  });

  it('below it, links are plain centre-to-centre lines without heads; their colours and dashes stay', () => {
    const sheet = sheetAt(0.2);
    expect(edgeRule(sheet).style).toMatchObject({ 'curve-style': 'haystack', 'haystack-radius': 0 });
    for (const type of RELATIONSHIP_TYPES) {
      const rule = typeRule(sheet, type);
      expect(rule.style['target-arrow-shape'], type).toBeUndefined();
      expect(rule.style['line-color'], type).toBe(RELATIONSHIP_STYLES[type].colour);
    }
    // Printed against inferred is still told apart at the overview.
    const inferred = sheet.find((r) => r.selector.includes('edge[linkBasis = "near-exact wording"]') && !r.selector.includes('em-path'))!;
    expect(inferred.style['line-style']).toBe('dashed');
  });

  it('from it on, links are beziers with each type’s own arrowhead', () => {
    const sheet = sheetAt(0.5);
    expect(edgeRule(sheet).style['curve-style']).toBe('bezier');
    expect(edgeRule(sheet).style['haystack-radius']).toBeUndefined();
    for (const type of RELATIONSHIP_TYPES) {
      expect(typeRule(sheet, type).style['target-arrow-shape'], type).toBe(RELATIONSHIP_STYLES[type].arrow);
      expect(typeRule(sheet, type).style['target-arrow-color'], type).toBe(RELATIONSHIP_STYLES[type].colour);
    }
  });

  it('WebGL, which draws heads as cheap instanced triangles, keeps them at every zoom', () => {
    expect(linksWithArrows(0.05, true)).toBe(true);
    expect(edgeRule(sheetAt(0.05, true)).style['curve-style']).toBe('bezier');
  });
});
