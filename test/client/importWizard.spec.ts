import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../client/import/importApi.js';
import { emptyMapping, firstAddedAction, headingRows, withColumn, withOrganisation } from '../../client/import/mapping.js';

/** The wizard's mapping as pure functions: headings with their fields, and the user's choices kept as an ImportMapping. */

const preview = {
  headings: {
    recognised: [
      { heading: 'Action', field: 'ref', how: 'known' },
      { heading: 'Key actions', field: 'title', how: 'known' },
      { heading: 'Action', field: 'ref', how: 'known' },
    ],
    unrecognised: [
      { table: 'table 1', row: 1, heading: 'Partner notes' },
      { table: 'table 2', row: 1, heading: 'Partner notes' },
    ],
  },
  diff: {
    nodes: {
      added: [
        { kind: 'Plan', id: 'plan:x' },
        { kind: 'LocalOutcome', id: 'x:local-outcome:1' },
        { kind: 'Action', id: 'x:action:7.1' },
        { kind: 'Action', id: 'x:action:7.2' },
      ],
      updated: [],
      removed: [],
    },
  },
} as unknown as ImportPreview;

describe('the import wizard mapping', () => {
  it('lists each heading once, recognised ones with their field, the rest with none', () => {
    expect(headingRows(preview, emptyMapping())).toEqual([
      { heading: 'Action', field: 'ref', recognised: true, how: 'known' },
      { heading: 'Key actions', field: 'title', recognised: true, how: 'known' },
      { heading: 'Partner notes', field: null, recognised: false, how: null },
    ]);
  });

  it('shows the field the user chose, and forgets it when the choice is cleared', () => {
    const mapped = withColumn(emptyMapping(), 'Partner notes', 'objective');
    expect(mapped.columns).toEqual({ 'Partner notes': 'objective' });
    expect(headingRows(preview, mapped)[2]).toEqual({ heading: 'Partner notes', field: 'objective', recognised: false, how: 'mapping' });
    expect(withColumn(mapped, 'Partner notes', '').columns).toEqual({});
  });

  it('never records a field the importer does not have', () => {
    expect(withColumn(emptyMapping(), 'Partner notes', 'colour').columns).toEqual({});
  });

  it('keeps an organisation choice: an id, no organisation (null), or unmatched (removed)', () => {
    const m1 = withOrganisation(emptyMapping(), 'NLC', 'org:north-lanarkshire-council');
    expect(m1.organisations).toEqual({ NLC: 'org:north-lanarkshire-council' });
    expect(withOrganisation(m1, 'CJSW', null).organisations).toEqual({ NLC: 'org:north-lanarkshire-council', CJSW: null });
    expect(withOrganisation(m1, 'NLC', undefined).organisations).toEqual({});
  });

  it('finds the first action added, to show on the map', () => {
    expect(firstAddedAction(preview)).toBe('x:action:7.1');
  });
});
