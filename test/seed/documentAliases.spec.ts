import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOrganisationName, type AliasedOrganisation, type NodeInput } from '../../model/index.js';
import { checkDocumentAliases, checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { mergeOrganisations } from '../../server/seed/loadSeed.js';
import type { ParsedSeedFile } from '../../server/seed/readSeedFile.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

/**
 * Issue 10: an alias means what the document that prints it means by it. "CJA" is each
 * authority in its own plan; "CJSW" is Glasgow's service in the Glasgow plan, the
 * Lanarkshire councils' in the Lanarkshire 2010 report, and no one body in the Lothian &
 * Borders glossary. Each expectation quotes the line that prints the alias.
 */

const { files } = checkSeedSet(seedFilePaths());
const orgs: AliasedOrganisation[] = [...mergeOrganisations(files.flatMap((f) => f.seed.nodes)).values()].map((n) => ({ id: n.id, ...(n.props as Omit<AliasedOrganisation, 'id'>) }));
const line = (file: string, n: number) => readFileSync(join(SOURCES_DIR, file), 'utf8').split(/\r?\n/)[n - 1]!.replace(/\s+/g, ' ').trim();
const G = 'glasgow-cjsw-strategic-plan-2013-15.txt';
const L10 = 'lanarkshire-cja-q2-progress-2010.txt';
const L7 = 'lanarkshire-cja-chief-officer-update-2007.txt';
const LB = 'lothian-borders-cja-area-plan-2011-14.txt';

describe('aliases resolved by document, on the seed', () => {
  it('"CJSW" in the Lanarkshire 2010 report (line 11) is the Lanarkshire councils’ service, not Glasgow’s: two councils, so a vague lead', () => {
    expect(line(L10, 11)).toContain('Monies provided January 2010 CJSW On target');
    expect(resolveOrganisationName('CJSW', L10, orgs)).toEqual(['org:north-lanarkshire-council', 'org:south-lanarkshire-council']);
  });

  it('"CJSW" in the Glasgow plan (line 52, "Glasgow CJSW services works with partners") is Glasgow Criminal Justice Social Work Services', () => {
    expect(line(G, 52)).toMatch(/^Glasgow CJSW services works with partners/);
    expect(resolveOrganisationName('CJSW', G, orgs)).toEqual(['org:glasgow-cjsw']);
    expect(resolveOrganisationName('Glasgow CJSW', null, orgs)).toEqual(['org:glasgow-cjsw']);
  });

  it('"CJSW" in the Lothian & Borders glossary (line 677) is the service in general: no organisation, and never Glasgow’s', () => {
    expect(line(LB, 677)).toBe('CJSW Criminal Justice Social Work');
    expect(resolveOrganisationName('CJSW', LB, orgs)).toEqual([]);
    expect(resolveOrganisationName('CJSW', null, orgs)).toEqual([]);
  });

  it('"CJA" is each authority in its own document (Glasgow 249, Lanarkshire 2007 line 30, L&B 77), and ambiguous with no document', () => {
    expect(line(G, 249)).toBe('#### **4.1 The Glasgow Community Justice Authority (CJA)**');
    expect(line(L7, 30)).toMatch(/^On 4 September 2007 the Scottish Government informed the CJA/);
    expect(resolveOrganisationName('CJA', G, orgs)).toEqual(['org:glasgow-cja']);
    expect(resolveOrganisationName('CJA', L7, orgs)).toEqual(['org:lanarkshire-cja']);
    expect(resolveOrganisationName('CJA', L10, orgs)).toEqual(['org:lanarkshire-cja']);
    expect(resolveOrganisationName('cja', LB, orgs)).toEqual(['org:lothian-and-borders-cja']);
    expect(resolveOrganisationName('CJA', null, orgs)).toEqual(['org:glasgow-cja', 'org:lanarkshire-cja', 'org:lothian-and-borders-cja']);
  });

  it('a name or an unshared alias still resolves in any document ("SPS", "North Lanarkshire Council")', () => {
    expect(resolveOrganisationName('SPS', G, orgs)).toEqual(['org:scottish-prison-service']);
    expect(resolveOrganisationName('North  Lanarkshire Council', LB, orgs)).toEqual(['org:north-lanarkshire-council']);
    expect(resolveOrganisationName('  ', G, orgs)).toEqual([]);
  });
});

describe('the resolver’s order of rules', () => {
  const a = { id: 'a', name: 'Alpha Council', aliases: ['AC', 'Shared'], documentAliases: ['one.txt: Beta Council'] };
  const b = { id: 'b', name: 'Beta Council', aliases: ['Shared'], documentAliases: [] };
  it.each([
    ['a document alias beats a name in its document', 'Beta Council', 'one.txt', ['a']],
    ['elsewhere the name wins', 'Beta Council', 'two.txt', ['b']],
    ['a global alias shared by two is ambiguous', 'Shared', 'two.txt', ['a', 'b']],
    ['a document alias does not hold outside its document', 'Beta Council', null, ['b']],
    ['case and spacing do not matter', 'alpha   council', null, ['a']],
  ] as const)('%s', (_what, printed, document, ids) => {
    expect(resolveOrganisationName(printed, document, [a, b])).toEqual(ids);
  });
});

describe('the seed check of document aliases', () => {
  const fileOf = (node: NodeInput) => ({ name: 'test.yaml', seed: { document: null, description: 't', nodes: [node], relationships: [], findings: [] }, lineOf: () => 12 }) as unknown as ParsedSeedFile;
  const org = (documentAliases: string[]) => ({ kind: 'Organisation', id: 'org:x', props: { name: 'X', aliases: [], orgType: 'other', documentAliases }, provenance: { source: 'edit', author: 't', at: '2026-12-02T00:00:00.000Z' } }) as NodeInput;
  it('accepts an alias the document prints as a whole word', () => {
    expect(checkDocumentAliases(fileOf(org([`${L10}: CJSW`])), org([`${L10}: CJSW`]), 0)).toEqual([]);
  });
  it('reports an alias the document never prints, with file, line and field', () => {
    const node = org([`${L10}: CJS`, `${L7}: CJSW`]);
    expect(checkDocumentAliases(fileOf(node), node, 3)).toEqual([
      { file: 'test.yaml', line: 12, field: 'nodes.3.props.documentAliases.0', reason: `${L10} never prints "CJS"` },
      { file: 'test.yaml', line: 12, field: 'nodes.3.props.documentAliases.1', reason: `${L7} never prints "CJSW"` },
    ]);
  });
  it('reports a document that is not a source', () => {
    const node = org(['no-such-plan.txt: CJA']);
    expect(checkDocumentAliases(fileOf(node), node, 0)[0]?.reason).toBe('no source document named no-such-plan.txt');
  });
});
