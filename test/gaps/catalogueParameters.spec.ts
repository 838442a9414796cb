import { describe, expect, it } from 'vitest';
import { GAP_BASIS_CHOICES } from '../../model/index.js';
import { catalogue } from '../../server/gaps/analyses.js';

/**
 * The parameters the catalogue declares are what the explorer builds its inputs from: a
 * parameter of type `date` gets the date picker (client/gaps/utils.ts takesDate), `basis`
 * the printed-links switch with the values listed, and each description is the input's
 * help text. So each parameter's type follows from what it is, and every one explains itself.
 */

const TYPE_OF_PARAMETER: Record<string, string> = { plan: 'plan', asOf: 'date', threshold: 'number', basis: 'basis' };

describe('the parameters each analysis declares', () => {
  const parameters = catalogue().flatMap((a) => a.parameters.map((p) => ({ analysis: a.id, ...p })));

  it('are only the four the gap endpoint reads, each with the type its input needs', () => {
    expect(parameters.length).toBeGreaterThan(0);
    for (const p of parameters) expect([p.analysis, p.name, p.type]).toEqual([p.analysis, p.name, TYPE_OF_PARAMETER[p.name]]);
  });

  it('each carry a description of several words for the input help', () => {
    for (const p of parameters) expect(p.description.split(' ').length, `${p.analysis} ${p.name}`).toBeGreaterThan(5);
  });

  it('the basis switch offers the model basis choices, all links by default', () => {
    const bases = parameters.filter((p) => p.name === 'basis');
    expect(bases.length).toBeGreaterThan(0);
    for (const p of bases) {
      expect(p.values).toEqual([...GAP_BASIS_CHOICES]);
      expect(p.default).toBe('all');
    }
  });

  it('only the date-judged analyses (overdue actions and milestones) take a date', () => {
    expect(
      catalogue()
        .filter((a) => a.parameters.some((p) => p.type === 'date'))
        .map((a) => a.id),
    ).toEqual(['overdue-actions', 'overdue-milestones']);
  });
});

describe('which inputs each analysis offers', () => {
  it.each<[string, string[], string]>([
    ['unserved-outcomes', ['plan', 'basis'], 'a plan narrows the actions that may serve; printed links only may leave more unserved'],
    ['actions-without-national-link', ['plan', 'basis'], 'links decide it'],
    ['actions-without-lead', ['plan', 'basis'], 'LEADS links decide it'],
    ['actions-without-timescale', ['plan'], 'a timescale is a field, not a link: no basis'],
    ['overdue-actions', ['plan', 'asOf', 'basis'], 'judged at a date; a due date may be inferred'],
    ['overdue-milestones', ['plan', 'asOf', 'basis'], 'judged at a date'],
    ['shared-outcomes', ['plan', 'basis'], 'links decide it'],
    ['near-duplicate-actions', ['plan', 'threshold'], 'compares wording, not links'],
    ['single-points-of-failure', ['plan', 'basis'], 'links decide it'],
    ['organisation-load', ['plan', 'basis'], 'LEADS and PARTNER_IN links decide it'],
    ['organisations-leading-nothing', ['basis'], 'an organisation belongs to no one plan'],
    ['coverage-matrix', ['plan', 'basis'], 'links decide it'],
  ])('%s takes %j (%s)', (id, names) => {
    expect(
      catalogue()
        .find((a) => a.id === id)
        ?.parameters.map((p) => p.name),
    ).toEqual(names);
  });
});
