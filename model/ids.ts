import { z } from 'zod';

/**
 * Stable ids: lower-case, readable, and never reused, so that links, URLs,
 * snapshots and audit history can hold on to them. Convention:
 * `<document key>:<kind>:<printed reference or slug>`, e.g. `lcja-2008:action:2.5.7`,
 * `org:scottish-prison-service`, `no:9`, `nsmo:O2`, `aim:1`.
 */
export const ID_PATTERN = /^[a-z0-9][a-zA-Z0-9._:/-]*$/;

export const NodeId = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(ID_PATTERN, 'must start with a lower-case letter or digit and use only letters, digits and . _ : / -');

/** A relationship is identified by its endpoints and type: one link of a kind between two nodes. */
export function relationshipId(from: string, type: string, to: string): string {
  return `${from}|${type}|${to}`;
}

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
