import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

/**
 * Issue 10: Lothian & Borders outputs as nodes between actions and outcomes. The expected
 * outputs are read from appendix 5 of the document here, independently of the seed: a row
 * whose first cell starts "n.n.n " prints an output; the rows below it (first cell blank)
 * are its further actions, up to the next output or heading.
 */

const FILE = 'lothian-borders-cja-area-plan-2011-14.txt';
const text = readFileSync(join(SOURCES_DIR, FILE), 'utf8').split(/\r?\n/);
const { files } = checkSeedSet(seedFilePaths());
const lb = files.find((f) => f.seed.document === FILE)!.seed;
const nodes = new Map(lb.nodes.map((n) => [n.id, n] as const));
const rels = lb.relationships;

/** Appendix 5 runs from line 770 to the end; an output row starts with its number. */
const printed = text
  .map((l, i) => ({ line: i + 1, m: /^(\d\.\d\.\d) ([^\t]+)\t/.exec(l) }))
  .filter((x) => x.line >= 770 && x.m)
  .map((x) => ({ line: x.line, ref: x.m![1]!, title: x.m![2]!.trim() }));

describe('Lothian & Borders outputs (issue 10)', () => {
  it('appendix 5 prints 30 outputs, 1.1.1 (line 776) to 5.3.3 (line 908), and each is an Output node with its number and words', () => {
    expect(printed).toHaveLength(30);
    expect(printed[0]).toEqual({ line: 776, ref: '1.1.1', title: 'Establish shared services to effectively meet need and manage risk' });
    expect(printed.at(-1)).toEqual({ line: 908, ref: '5.3.3', title: 'CJA to link in to community councils to ensure effective communication' });
    const seeded = lb.nodes.filter((n) => n.kind === 'Output').map((n) => ({ line: n.provenance.source === 'document' ? n.provenance.lines[0] : 0, ...(n.props) }));
    expect(seeded).toEqual(printed);
  });

  it('no action holds its output as text any more', () => {
    expect(lb.nodes.filter((n) => n.kind === 'Action' && 'output' in n.props)).toEqual([]);
  });

  it('each output serves the outcome whose box it stands in (2.3.1 under "Outcome 2.3 Develop effective interventions", line 829)', () => {
    expect(text[828]!.trim()).toBe('Outcome 2.3 Develop effective interventions');
    for (const o of printed) {
      const serves = rels.filter((r) => r.type === 'SERVES' && r.from === `lbcja-2011:output:${o.ref}`);
      expect(serves.map((r) => [r.to, r.props.linkBasis])).toEqual([[`lbcja-2011:local-outcome:${o.ref.slice(0, 3)}`, 'printed heading']]);
    }
  });

  it('every action delivers the output printed on its row or the nearest one above it: printed in the same row, or by the merged cell', () => {
    const actions = lb.nodes.filter((n) => n.kind === 'Action');
    expect(actions).toHaveLength(92);
    for (const a of actions) {
      const at = a.provenance.source === 'document' ? a.provenance.lines[0] : 0;
      const output = printed.filter((o) => o.line <= at).at(-1)!;
      const delivers = rels.filter((r) => r.type === 'DELIVERS' && r.from === a.id);
      expect([a.id, delivers.map((r) => [r.to, r.props.linkBasis])]).toEqual([a.id, [[`lbcja-2011:output:${output.ref}`, output.line === at ? 'printed in the same row' : 'document structure']]]);
    }
    // 2.3.1 (line 831) has seven actions, lines 831-837; 5.3.3 (line 908) one.
    expect(rels.filter((r) => r.type === 'DELIVERS' && r.to === 'lbcja-2011:output:2.3.1')).toHaveLength(7);
    expect(rels.filter((r) => r.type === 'DELIVERS' && r.to === 'lbcja-2011:output:5.3.3').map((r) => r.from)).toEqual(['lbcja-2011:action:5.3.3-a']);
  });

  it('the plan contains every output, and outputs are nothing else’s', () => {
    const contained = rels.filter((r) => r.type === 'CONTAINS' && nodes.get(r.to)?.kind === 'Output').map((r) => r.to);
    expect(contained.sort()).toEqual(printed.map((o) => `lbcja-2011:output:${o.ref}`).sort());
  });
});
