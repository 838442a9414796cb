import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { formatProblem, readSeedFile } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

const FILE = 'frameworks.yaml';
const parsed = readSeedFile(join(SEED_DIR, FILE));
const { nodes } = parsed.seed;

function byId(id: string) {
  const node = nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}
function props(id: string): Record<string, unknown> {
  return byId(id).props;
}
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('frameworks seed file is valid', () => {
  it('parses against the domain model and is reference data (no document)', () => {
    expect(parsed.seed.document).toBeNull();
  });

  it('every provenance quote stands at its lines and every endpoint exists', () => {
    const { problems } = checkSeedSet(seedFilePaths());
    const mine = problems.filter((p) => p.file === FILE);
    expect(mine.map(formatProblem)).toEqual([]);
  });

  it('declares no id twice', () => {
    const ids = nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('Scotland Performs National Outcomes', () => {
  const outcomes = nodes.filter((n) => n.kind === 'NationalOutcome');

  it('holds exactly the sixteen outcomes no:1 … no:16, each with its number', () => {
    expect(outcomes).toHaveLength(16);
    for (let n = 1; n <= 16; n++) expect(props(`no:${n}`).number).toBe(n);
  });

  it('NO 9 reads "We live our lives safe from crime, disorder and danger."', () => {
    expect(props('no:9').wording).toBe('We live our lives safe from crime, disorder and danger.');
  });

  it('NO 11 reads the official wording about strong, resilient and supportive communities', () => {
    expect(props('no:11').wording).toBe(
      'We have strong, resilient and supportive communities where people take responsibility for their own actions and how they affect others.',
    );
  });

  it("NO 15 reads \"Our public services are high quality, continually improving, efficient and responsive to local people's needs.\"", () => {
    expect(props('no:15').wording).toBe(
      "Our public services are high quality, continually improving, efficient and responsive to local people's needs.",
    );
  });

  it('NO 10 is the well-designed, sustainable places outcome, quoted from Lothian & Borders appendix 5', () => {
    expect(props('no:10').wording).toMatch(/^We live in well-designed, sustainable places/);
    const p = byId('no:10').provenance;
    expect(p.source).toBe('document');
    if (p.source === 'document') expect(p.file).toBe('lothian-borders-cja-area-plan-2011-14.txt');
  });

  it('NO 16 (added 2011) is the independence in older age outcome, with edit provenance', () => {
    expect(props('no:16').wording).toMatch(/maintain their independence as they get older/);
    expect(byId('no:16').provenance.source).toBe('edit');
  });

  it('outcomes printed with their number in Lothian & Borders section 1.5 (2, 3, 6, 7, 8, 9, 11, 15) quote that line', () => {
    for (const n of [2, 3, 6, 7, 8, 9, 11, 15]) {
      const p = byId(`no:${n}`).provenance;
      expect(p.source, `no:${n}`).toBe('document');
      if (p.source === 'document') expect(p.quote).toMatch(new RegExp(`^National Outcome ${n}\\b`));
    }
  });

  it('outcomes printed nowhere (1, 4, 5, 12, 13, 14, 16) carry curator edit provenance', () => {
    for (const n of [1, 4, 5, 12, 13, 14, 16]) expect(byId(`no:${n}`).provenance.source, `no:${n}`).toBe('edit');
  });
});

describe('NSMO framework outcomes', () => {
  const outcomes = nodes.filter((n) => n.kind === 'FrameworkOutcome');
  const codes = [
    ...Array.from({ length: 7 }, (_, i) => `C${i + 1}`),
    ...Array.from({ length: 9 }, (_, i) => `O${i + 1}`),
    ...Array.from({ length: 7 }, (_, i) => `S${i + 1}`),
  ];

  it('holds the 23 outcomes C1-C7, O1-O9 and S1-S7', () => {
    expect(outcomes).toHaveLength(23);
    expect(outcomes.map((n) => (n.props as { code: string }).code).sort()).toEqual([...codes].sort());
    for (const code of codes) expect(byId(`nsmo:${code}`).kind).toBe('FrameworkOutcome');
  });

  it('groups C outcomes under communities, O under offenders and S under the system', () => {
    const groupOf = { C: 'communities', O: 'offenders', S: 'system' } as const;
    for (const code of codes) expect(props(`nsmo:${code}`).outcomeGroup).toBe(groupOf[code[0] as 'C' | 'O' | 'S']);
  });

  it('keeps every wording exactly as the Lanarkshire 2008-09 table prints it', () => {
    const text = readFileSync(join(SOURCES_DIR, 'lanarkshire-cja-implementation-plan-2008-09-q2.txt'), 'utf8');
    const printed = new Map<string, string>();
    for (const line of text.split(/\r?\n/)) {
      const m = /^\s*([COS][1-9]) - (.+?)\s*$/.exec(line);
      if (m) printed.set(m[1]!, m[2]!);
    }
    expect(printed.size).toBe(23);
    for (const [code, wording] of printed) expect(fold(String(props(`nsmo:${code}`).wording))).toBe(fold(wording));
  });

  it('O2 is "The ability to access and sustain suitable accommodation"', () => {
    expect(props('nsmo:O2').wording).toBe('The ability to access and sustain suitable accommodation');
  });
});

describe('CJA national strategic aims', () => {
  it('holds the four aims with their numbers and titles', () => {
    expect(nodes.filter((n) => n.kind === 'StrategicAim')).toHaveLength(4);
    expect([1, 2, 3, 4].map((n) => props(`aim:${n}`).title)).toEqual([
      'Improve Joint Working Practices',
      'Improve Information Sharing',
      'Improve Community Integration',
      'Improve the shared management of resources and policy development',
    ]);
    for (const n of [1, 2, 3, 4]) expect(props(`aim:${n}`).number).toBe(n);
  });

  it('aim 3 has four key objectives and aim 1 three', () => {
    expect(props('aim:3').keyObjectives).toHaveLength(4);
    expect(props('aim:1').keyObjectives).toHaveLength(3);
  });

  it('every aim has its overview and is quoted from Lothian & Borders section 3', () => {
    for (const n of [1, 2, 3, 4]) {
      expect(String(props(`aim:${n}`).overview).length).toBeGreaterThan(100);
      const p = byId(`aim:${n}`).provenance;
      expect(p.source).toBe('document');
      if (p.source === 'document') expect(p.quote).toMatch(new RegExp(`^3\\.${n + 2} Strategic Aim`));
    }
  });
});
