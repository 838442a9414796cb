import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const SEED_DIR = fileURLToPath(new URL('../../seed/', import.meta.url));

/**
 * The curated seed files in load order: reference frameworks first (documents link to them),
 * then each document's file by name.
 */
export function seedFilePaths(dir = SEED_DIR): string[] {
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort();
  const first = names.filter((n) => n === 'frameworks.yaml');
  return [...first, ...names.filter((n) => n !== 'frameworks.yaml')].map((n) => join(dir, n));
}
