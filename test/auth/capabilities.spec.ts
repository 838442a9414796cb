import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPABILITIES, ROLES, ROLE_CAPABILITIES, roleCan } from '../../model/roles.js';

/** The capability table is data; the README's copy of it must say what the code does. */

function readmeTable(): Record<string, string[]> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const lines = readme.split('\n').filter((l) => l.startsWith('| '));
  const header = lines.find((l) => l.startsWith('| role | read |'))!;
  const columns = header
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(1);
  const table: Record<string, string[]> = {};
  for (const line of lines.slice(lines.indexOf(header) + 2)) {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const role = cells[0]!.split(' ')[0]!;
    if (!(ROLES as readonly string[]).includes(role)) break;
    table[role] = columns.filter((_, i) => cells[i + 1]!.startsWith('yes'));
  }
  return table;
}

describe('the capability table', () => {
  it('is the one the README prints, role by role', () => {
    expect(readmeTable()).toEqual(Object.fromEntries(ROLES.map((r) => [r, [...ROLE_CAPABILITIES[r]]])));
  });

  it('lets every role read, gives each capability to some role, and manageUsers to administrators alone', () => {
    for (const role of ROLES) expect(roleCan(role, 'read')).toBe(true);
    for (const capability of CAPABILITIES)
      expect(
        ROLES.some((r) => roleCan(r, capability)),
        capability,
      ).toBe(true);
    expect(ROLES.filter((r) => roleCan(r, 'manageUsers'))).toEqual(['administrator']);
    expect(ROLES.filter((r) => roleCan(r, 'editOwnOrganisation'))).toEqual(['partner-editor']);
  });
});
