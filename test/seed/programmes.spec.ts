import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relationshipId } from '../../model/index.js';
import { checkSeedSet } from '../../server/seed/checkSeedSet.js';
import { seedFilePaths } from '../../server/seed/seedFiles.js';
import { SOURCES_DIR } from '../../server/seed/sourceText.js';

/**
 * Issue 10: programmes as their own kind. Each expected fact is read off the document
 * line quoted beside it (the test reads the line itself, so a wrong line number fails).
 */

const { files } = checkSeedSet(seedFilePaths());
const nodes = new Map(files.flatMap((f) => f.seed.nodes.map((n) => [n.id, n] as const)));
const rels = files.flatMap((f) => f.seed.relationships);
const relMap = new Map(rels.map((r) => [relationshipId(r.from, r.type, r.to), r] as const));
const rel = (from: string, type: string, to: string) => relMap.get(relationshipId(from, type, to));
const doc = (f: string) => readFileSync(join(SOURCES_DIR, f), 'utf8').split(/\r?\n/);
const G = doc('glasgow-cjsw-strategic-plan-2013-15.txt');
const LB = doc('lothian-borders-cja-area-plan-2011-14.txt');
const L8 = doc('lanarkshire-cja-implementation-plan-2008-09-q2.txt');
const L7 = doc('lanarkshire-cja-chief-officer-update-2007.txt');
const line = (text: string[], n: number) => (text[n - 1] ?? '').replace(/\s+/g, ' ').trim();
const linked = (type: string, to: string) => rels.filter((r) => r.type === type && r.to === to).map((r) => r.from).sort();

describe('programmes (issue 10)', () => {
  it('the five programmes the issue names are Programme nodes, and none is an organisation any more', () => {
    const programmes = [...nodes.values()].filter((n) => n.kind === 'Programme').map((n) => n.id).sort();
    expect(programmes).toEqual(['programme:218-service', 'programme:caledonian', 'programme:constructs', 'programme:csogp', 'programme:ls-cmi']);
    expect(nodes.has('org:218-service')).toBe(false);
    expect(rels.filter((r) => r.from === 'org:218-service' || r.to === 'org:218-service')).toEqual([]);
  });

  it('every spelling the documents print is an alias: LS/CMI is printed five ways (Glasgow 380, 416, 637; 2008-09 line 25)', () => {
    expect(line(G, 380)).toContain('LS/CMi');
    expect(line(G, 416)).toContain('(LCMSI)');
    expect(line(G, 637)).toContain('Implement LCSMI new version 2.');
    expect(line(L8, 25)).toContain('LS-CMI implementation in Lanarkshire');
    expect(nodes.get('programme:ls-cmi')!.props).toMatchObject({ name: 'Level of Service/Case Management Inventory' });
    expect((nodes.get('programme:ls-cmi')!.props as { aliases: string[] }).aliases).toEqual(expect.arrayContaining(['LS/CMi', 'LSCMI', 'LCSMI', 'LCMSI', 'LS-CMI']));
    expect(line(LB, 693)).toBe('CSOGP Community Sex Offender Group-work Programme');
    expect((nodes.get('programme:csogp')!.props as { aliases: string[] }).aliases).toEqual(['CSOGP', 'Community Sex Offender Group-work Programme']);
  });

  it('2007 line 28: the section 3 grant, headed "Community Sex Offender Groupwork Programme", funds CSOGP', () => {
    expect(line(L7, 28)).toBe('Community Sex Offender Groupwork Programme');
    expect(line(L7, 30)).toContain('additional grant of £164,000');
    expect(rel('lcja-2007:funding:community-sex-offender-groupwork-programme', 'FUNDS', 'programme:csogp')?.props).toMatchObject({ linkBasis: 'printed heading' });
  });

  it('the actions that use each programme, as their rows print', () => {
    // L&B 836-837, Glasgow 637 and 650, 2008-09 2.1.3 milestones at lines 25 and 27.
    expect(line(LB, 836)).toMatch(/^• Roll out Caledonian in each LA area/);
    expect(line(LB, 837)).toMatch(/^• Community Sex Offender Groupwork Programme \(CSOGP\), Constructs developed for offenders on licence/);
    expect(line(G, 650)).toBe('3 Review and modernise the 218 Project.');
    expect(line(L8, 27)).toBe('· Implementation of accredited social work programmes e.g. CSOGP');
    const usedBy = (p: string) => rels.filter((r) => r.type === 'USES' && r.to === p && nodes.get(r.from)!.kind === 'Action').map((r) => r.from).sort();
    expect(usedBy('programme:caledonian')).toEqual(['lbcja-2011:action:2.3.1-f']);
    expect(usedBy('programme:constructs')).toEqual(['lbcja-2011:action:2.3.1-g']);
    expect(usedBy('programme:csogp')).toEqual(['lbcja-2011:action:2.3.1-g', 'lcja-2008:action:2.1.3']);
    expect(usedBy('programme:ls-cmi')).toEqual(['gcjsw-2013:action:4.3-2013', 'gcjsw-2013:action:4.3-2014', 'lcja-2008:action:2.1.3']);
    expect(usedBy('programme:218-service')).toEqual(['gcjsw-2013:action:8.3-2013']);
    for (const r of rels.filter((r) => r.type === 'USES' && nodes.get(r.from)!.kind === 'Action')) expect(r.props.linkBasis).toBe('printed in the same row');
  });

  it('who delivers them: the Lanarkshire councils CSOGP (2008-09 lines 36, 40), Glasgow CJSW LS/CMI and Constructs (418, 542), the 218 Service only from context (491)', () => {
    expect(line(L8, 36)).toMatch(/^SLC an induction group for CSOGP took place, with 8 offenders\./);
    expect(line(L8, 38)).toBe('NLC');
    expect(line(L8, 40)).toBe('One CSOGP induction programme completed (10 service users).');
    expect(linked('DELIVERS', 'programme:csogp')).toEqual(['org:north-lanarkshire-council', 'org:south-lanarkshire-council']);
    expect(line(G, 418)).toContain('all but 2 criminal justice social workers in Glasgow have completed the LSCMI training');
    expect(line(G, 542)).toContain('Criminal Justice has piloted a shortened version of the Constructs');
    expect(rel('org:glasgow-cjsw', 'DELIVERS', 'programme:ls-cmi')?.props.linkBasis).toBe('printed in the text');
    expect(rel('org:glasgow-cjsw', 'DELIVERS', 'programme:constructs')?.props.linkBasis).toBe('printed in the text');
    // "our service provision for women in the City": the plan never names who runs 218, so the link is inferred.
    expect(line(G, 491)).toContain('further develop our service provision for women in the City');
    expect(rel('org:glasgow-cjsw', 'DELIVERS', 'programme:218-service')?.props.linkBasis).toBe('from context');
    // Lothian & Borders names no deliverer: "in each LA area" is no council.
    expect(linked('DELIVERS', 'programme:caledonian')).toEqual([]);
  });

  it('the SLC and NLC notes of 2008-09 2.1.3 use CSOGP (lines 36, 40)', () => {
    expect(linked('USES', 'programme:csogp').filter((id) => nodes.get(id)!.kind === 'ProgressUpdate')).toEqual(['lcja-2008:progress:2.1.3-nlc', 'lcja-2008:progress:2.1.3-slc']);
  });
});
