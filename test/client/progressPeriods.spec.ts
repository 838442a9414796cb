import { describe, expect, it } from 'vitest';
import { quarterChoices } from '../../client/progress/periods.js';

describe('the progress panel offers every quarter since the oldest document', () => {
  it('newest first, from the current quarter back to April 2007, each once', () => {
    const choices = quarterChoices('2010-08-15');
    expect(choices[0]!.code).toBe('2010-11-Q2');
    expect(choices[1]!.code).toBe('2010-11-Q1');
    expect(choices[2]!.code).toBe('2009-10-Q4');
    expect(choices.at(-1)!.code).toBe('2007-08-Q1');
    // April 2007 to September 2010: three financial years and two quarters.
    expect(choices).toHaveLength(14);
    expect(new Set(choices.map((c) => c.code)).size).toBe(choices.length);
  });
});
