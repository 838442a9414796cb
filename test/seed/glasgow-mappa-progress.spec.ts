import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

/**
 * Issue 10: Glasgow's progress against the MAPPA key objectives (section 6.8, lines
 * 386-406), which had no place in the graph. The plan prints no status word, so every
 * status is curation's reading of the narrative; the expected reading of each is given
 * beside the words of its line that carry it.
 */

const FILE = 'glasgow-cjsw-strategic-plan-2013-15.txt';
const text = readFileSync(join(SOURCES_DIR, FILE), 'utf8').split(/\r?\n/);
const { files } = checkSeedSet(seedFilePaths());
const g = files.find((f) => f.seed.document === FILE)!.seed;
const nodes = new Map(g.nodes.map((n) => [n.id, n] as const));
const rels = g.relationships;

const EXPECTED: [objective: number, line: number, status: string, words: string][] = [
  [1, 388, 'ongoing', 'There is ongoing consideration on how to improve joint working'],
  [2, 390, 'part complete', 'have been developed and are currently being implemented across the City'],
  [3, 392, 'part complete', 'Matching offenders to appropriate accommodation to meet their risks and needs continues to be challenging'],
  [5, 394, 'part complete', 'has resulted in a refresh of the training programme. The training will focus'],
  [6, 396, 'part complete', 'Strathclyde Police have developed options to streamline the process'],
  [7, 398, 'ongoing', 'Ongoing work has been undertaken'],
  [8, 400, 'ongoing', 'is currently underway'],
  [9, 402, 'ongoing', 'This work began in March 2012.'],
  [10, 404, 'complete', 'has been reviewed and distributed to all relevant partners'],
  [11, 406, 'ongoing', 'provides a monthly report'],
];

describe("Glasgow's progress against the MAPPA key objectives (lines 386-406)", () => {
  it('line 386 introduces them: progress "against each of the relevant MAPPA key objectives", from the MAPPA Annual Report 2011-2012', () => {
    expect(text[385]).toContain('Listed below is the progress made against each of the relevant MAPPA key objectives');
    expect(text[385]).toContain('MAPPA Annual Report 2011-2012');
  });

  it('the plan lists objectives 1, 2, 3 and 5 to 11 (no 4); each is a key objective the plan contains', () => {
    const listed = text.map((l, i) => ({ line: i + 1, m: /^\*\*Objective (\d+)\*\*/.exec(l) })).filter((x) => x.m).map((x) => [Number(x.m![1]), x.line]);
    expect(listed).toEqual(EXPECTED.map(([n, line]) => [n, line]));
    const objectives = g.nodes.filter((n) => n.kind === 'Priority' && (n.props as { priorityType: string }).priorityType === 'key objective');
    expect(objectives.map((n) => (n.props as { ref: string }).ref)).toEqual(EXPECTED.map(([n]) => String(n)));
    for (const o of objectives) expect(rels.some((r) => r.type === 'CONTAINS' && r.from === 'plan:gcjsw-2013' && r.to === o.id)).toBe(true);
  });

  it.each(EXPECTED)('objective %i (line %i) has one progress update, %s, read from the narrative ("%s")', (n, line, status, words) => {
    expect(text[line - 1]).toContain(words);
    const has = rels.filter((r) => r.type === 'HAS_PROGRESS' && r.from === `gcjsw-2013:priority:mappa-objective-${n}`);
    expect(has).toHaveLength(1);
    const update = nodes.get(has[0]!.to)!;
    expect(update.kind).toBe('ProgressUpdate');
    expect(update.props).toMatchObject({ period: '2011-12', status, statusBasis: 'narrative' });
    expect(text[line - 1]).toContain((update.props as { narrative: string }).narrative);
    expect(update.provenance).toMatchObject({ lines: [line, line] });
  });

  it('the notes that name who does the work report on them: 6 and 8 Strathclyde Police, 9 the MAPPA Operations Group', () => {
    const reportsOn = rels.filter((r) => r.type === 'REPORTS_ON' && r.from.startsWith('gcjsw-2013:progress:mappa-objective-')).map((r) => [r.from.split('-').at(-1), r.to, r.props.linkBasis]);
    expect(reportsOn).toEqual([
      ['6', 'org:strathclyde-police', 'printed in the text'],
      ['8', 'org:strathclyde-police', 'printed in the text'],
      ['9', 'org:glasgow-mappa-operations-group', 'printed in the text'],
    ]);
  });
});
