import { z } from 'zod';

/**
 * Named snapshots of the whole graph ("end of Q2 2010") as the API and CLI accept them.
 * A snapshot's id is made from its name, so a name is unique and a person can type the
 * id at the command line: "End of Q2 2010" is snapshot:end-of-q2-2010.
 */

export function snapshotIdOf(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `snapshot:${slug}`;
}

export const SnapshotName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .refine((n) => /[A-Za-z0-9]/.test(n), 'must hold a letter or a digit');

export const SnapshotCreateBody = z.object({ name: SnapshotName, note: z.string().trim().min(1).max(500, 'must be at most 500 characters').optional() }).strict();
export type SnapshotCreateBody = z.infer<typeof SnapshotCreateBody>;

export const SnapshotId = z.string().regex(/^snapshot:[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a snapshot id such as snapshot:end-of-q2-2010');

/** One side of a comparison: a snapshot, or the graph as it is now. */
export const SnapshotSide = z.union([z.literal('current'), SnapshotId]);

export const SnapshotCompareParams = z
  .object({
    from: SnapshotSide.describe('a snapshot id, or current'),
    to: SnapshotSide.default('current').describe('a snapshot id, or current (the default)'),
  })
  .strict();
