import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { formatProblem } from '../../server/seed/readSeedFile.js';
import { SEED_DIR, seedFilePaths } from '../../server/seed/seedFiles.js';

/**
 * The seed checker (`npm run seed:check`) on broken copies of the real seed files: each
 * mistake a curator makes is reported once, with the file, the line and the field, and
 * nothing else is reported. The clean files report nothing.
 */

const PLAN_2008 = 'lanarkshire-cja-implementation-plan-2008-09-q2.yaml';
const SOURCE_2008 = 'lanarkshire-cja-implementation-plan-2008-09-q2.txt';

type Edit = { lineNumber: number; before: string; after: string };

/** Changes the first line matching `pattern` at or after the line holding `anchor`; returns where (1-based). */
function editAfter(lines: string[], anchor: string, pattern: RegExp, replace: (line: string) => string): Edit {
  const start = lines.findIndex((l) => l.endsWith(anchor));
  expect(start, `anchor ${anchor}`).toBeGreaterThanOrEqual(0);
  const at = lines.findIndex((l, i) => i >= start && pattern.test(l));
  expect(at, `${pattern} after ${anchor}`).toBeGreaterThanOrEqual(0);
  const before = lines[at]!;
  lines[at] = replace(before);
  expect(lines[at]).not.toBe(before);
  return { lineNumber: at + 1, before, after: lines[at] };
}

/** The line the checker names for a provenance: the first line of the provenance block, `source: document`. */
function provenanceLine(lines: string[], edit: Edit): number {
  let i = edit.lineNumber - 1;
  while (!/^\s+source: document$/.test(lines[i]!)) i--;
  return i + 1;
}

const problemsIn = (dir: string) => checkSeedSet(seedFilePaths(dir)).problems;

describe('the seed checker', () => {
  it('finds nothing wrong in the curated seed', () => {
    expect(problemsIn(SEED_DIR).map(formatProblem)).toEqual([]);
  });

  describe('on a copy with a shifted line range, a wrong quote and a dangling relationship end', () => {
    let dir: string;
    let shifted: Edit;
    let wrongQuote: Edit;
    let dangling: Edit;
    let lines: string[];
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'gt-seed-check-'));
      cpSync(SEED_DIR, dir, { recursive: true });
      lines = readFileSync(join(dir, PLAN_2008), 'utf8').split('\n');
      // "2.5.7 Ensure the effective implementation of NASSO." stands at lines 121-122; one line down it does not.
      shifted = editAfter(lines, 'id: lcja-2008:action:2.5.7', /^\s+lines: \[121, 122\]$/, (l) => l.replace('[121, 122]', '[122, 123]'));
      // Words that do stand in the document (line 23), but not at the milestone's lines 124-125.
      wrongQuote = editAfter(lines, 'id: lcja-2008:milestone:2.5.7-1', /^\s+quote: /, (l) =>
        l.replace(/quote: .*/, 'quote: Facilitate the development and implementation of risk assessment tools'),
      );
      dangling = editAfter(lines, '- type: CONTAINS', /^\s+to: lcja-2008:action:2\.5\.7$/, (l) => l.replace('2.5.7', '9.9.9'));
      writeFileSync(join(dir, PLAN_2008), lines.join('\n'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reports exactly the three mistakes, each with its file, line and field', () => {
      const problems = problemsIn(dir);
      expect(problems.map((p) => [p.file, p.line])).toEqual(
        expect.arrayContaining([
          [PLAN_2008, provenanceLine(lines, shifted)],
          [PLAN_2008, provenanceLine(lines, wrongQuote)],
          [PLAN_2008, dangling.lineNumber],
        ]),
      );
      expect(problems).toHaveLength(3);
    });

    it('says the quote does not stand at the shifted lines', () => {
      const p = problemsIn(dir).find((x) => x.line === provenanceLine(lines, shifted))!;
      expect(p.field).toMatch(/^nodes\.\d+\.provenance$/);
      expect(p.reason).toBe(`the quote does not stand at ${SOURCE_2008} lines 122-123: "2.5.7 Ensure the effective implementation of NASSO."`);
    });

    it('says a quote found elsewhere in the document does not stand at its own lines', () => {
      const p = problemsIn(dir).find((x) => x.line === provenanceLine(lines, wrongQuote))!;
      expect(p.field).toMatch(/^nodes\.\d+\.provenance$/);
      expect(p.reason).toBe(`the quote does not stand at ${SOURCE_2008} lines 124-125: "Facilitate the development and implementation of risk assessment tools"`);
    });

    it('names the missing node at the relationship end', () => {
      const p = problemsIn(dir).find((x) => x.line === dangling.lineNumber)!;
      expect(p.field).toMatch(/^relationships\.\d+\.to$/);
      expect(p.reason).toBe('no node with id lcja-2008:action:9.9.9');
      expect(formatProblem(p)).toBe(`${PLAN_2008}:${dangling.lineNumber}: ${p.field}: no node with id lcja-2008:action:9.9.9`);
    });
  });

  describe('on a copy citing lines past the end of the document, a document that does not exist, and a link of the wrong kinds', () => {
    let dir: string;
    let lines: string[];
    let pastEnd: Edit;
    let noDocument: Edit;
    let wrongKinds: Edit;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'gt-seed-check-'));
      cpSync(SEED_DIR, dir, { recursive: true });
      lines = readFileSync(join(dir, PLAN_2008), 'utf8').split('\n');
      pastEnd = editAfter(lines, 'id: lcja-2008:action:2.5.7', /^\s+lines: \[121, 122\]$/, (l) => l.replace('[121, 122]', '[121, 99999]'));
      noDocument = editAfter(lines, 'id: lcja-2008:milestone:2.5.7-1', /^\s+file: /, (l) => l.replace(SOURCE_2008, 'lanarkshire-draft.txt'));
      // HAS_MILESTONE joins an action to its milestone, not the plan to its first local outcome.
      wrongKinds = editAfter(lines, 'relationships:', /^\s+- type: CONTAINS$/, (l) => l.replace('CONTAINS', 'HAS_MILESTONE'));
      writeFileSync(join(dir, PLAN_2008), lines.join('\n'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('names the length of the document and the missing file', () => {
      const problems = problemsIn(dir);
      expect(problems.find((p) => p.line === provenanceLine(lines, pastEnd))?.reason).toBe(
        `${SOURCE_2008} has ${readFileSync(join(SEED_DIR, 'sources', SOURCE_2008), 'utf8').split(/\r?\n/).length} lines, not 99999`,
      );
      expect(problems.find((p) => p.line === provenanceLine(lines, noDocument))?.reason).toBe('no source document named lanarkshire-draft.txt');
    });

    it('names the relationship type that cannot join the two kinds', () => {
      const p = problemsIn(dir).find((x) => x.line === wrongKinds.lineNumber);
      expect(p?.field).toMatch(/^relationships\.\d+\.type$/);
      expect(p?.reason).toBe('HAS_MILESTONE cannot join Plan to LocalOutcome');
      expect(problemsIn(dir)).toHaveLength(3);
    });
  });
});
