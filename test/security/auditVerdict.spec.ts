import { describe, expect, it } from 'vitest';
import { auditVerdict } from '../../scripts/auditVerdict.js';

/** The dependency gate's verdict on npm audit's JSON (format of npm 10), on canned reports. */

const report = {
  vulnerabilities: {
    'some-parser': { severity: 'high', via: [{ title: 'Prototype pollution in some-parser', url: 'https://github.com/advisories/GHSA-x' }] },
    'wraps-parser': { severity: 'high', via: ['some-parser'] },
    'small-thing': { severity: 'moderate', via: [{ title: 'ReDoS' }] },
  },
};

describe('the npm audit gate', () => {
  it('fails on a high finding not in the allowlist, naming each package', () => {
    const v = auditVerdict(report, []);
    expect(v.kind).toBe('fail');
    expect(v.kind === 'fail' && v.blocking.map((f) => f.package)).toEqual(['some-parser', 'wraps-parser']);
  });

  it('passes when every high or critical finding is allowed with a reason; moderate ones never block', () => {
    const v = auditVerdict(report, [
      { package: 'some-parser', reason: 'only parses our own seed files' },
      { package: 'wraps-parser', reason: 'through some-parser' },
    ]);
    expect(v).toMatchObject({ kind: 'pass', findings: [{ package: 'some-parser', allowed: 'only parses our own seed files' }, { package: 'wraps-parser' }, { package: 'small-thing' }] });
  });

  it('stops allowing an entry after its until date', () => {
    expect(
      auditVerdict(
        report,
        [
          { package: 'some-parser', reason: 'r', until: '2026-01-01' },
          { package: 'wraps-parser', reason: 'r' },
        ],
        '2026-12-02',
      ).kind,
    ).toBe('fail');
  });

  it('says unreachable, not pass or fail, when the advisory service could not be asked', () => {
    const offline = { error: { code: 'ENOTFOUND', summary: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed' } };
    expect(auditVerdict(offline, [])).toEqual({ kind: 'unreachable', reason: 'request to https://registry.npmjs.org/-/npm/v1/security/advisories/bulk failed' });
    const mirror = { message: '405 Method Not Allowed - POST https://mirror/-/npm/v1/security/advisories/bulk', statusCode: 405 };
    expect(auditVerdict(mirror, []).kind).toBe('unreachable');
  });

  it('passes a clean report', () => {
    expect(auditVerdict({ vulnerabilities: {} }, [])).toEqual({ kind: 'pass', findings: [] });
  });
});
