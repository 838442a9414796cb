import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every query the product runs is a named file under `cypher/`. A name is the file's
 * path without its extension (`gaps/unserved-outcomes`). `name.cypher` is the text both
 * engines accept; `name.ladybug.cypher` or `name.neo4j.cypher` beside it replaces it for
 * that engine where the dialects differ.
 */

export const ENGINES = ['ladybug', 'neo4j'] as const;
export type Engine = (typeof ENGINES)[number];

export const CYPHER_DIR = fileURLToPath(new URL('../../cypher/', import.meta.url));

type Variants = { shared?: string; ladybug?: string; neo4j?: string };

export class UnknownQueryError extends Error {
  constructor(name: string) {
    super(`no query named ${name} in cypher/`);
    this.name = 'UnknownQueryError';
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.cypher') ? [join(dir, e.name)] : [],
  );
}

export class QueryRegistry {
  private constructor(private readonly queries: Map<string, Variants>) {}

  static load(dir = CYPHER_DIR): QueryRegistry {
    const queries = new Map<string, Variants>();
    for (const path of walk(dir)) {
      const rel = path.slice(dir.length).replace(/\\/g, '/');
      const match = /^(.*?)(?:\.(ladybug|neo4j))?\.cypher$/.exec(rel);
      if (!match) continue;
      const [, name, engine] = match as unknown as [string, string, Engine | undefined];
      const variants = queries.get(name) ?? {};
      variants[engine ?? 'shared'] = readFileSync(path, 'utf8');
      queries.set(name, variants);
    }
    return new QueryRegistry(queries);
  }

  has(name: string): boolean {
    return this.queries.has(name);
  }

  /** The text `engine` runs for the named query. */
  text(name: string, engine: Engine): string {
    const v = this.queries.get(name);
    const text = v?.[engine] ?? v?.shared;
    if (text === undefined) throw new UnknownQueryError(name);
    return text;
  }

  names(): string[] {
    return [...this.queries.keys()].sort();
  }

  /** Whether the engine has a text of its own for this query (for reports and tests). */
  variantsOf(name: string): (keyof Variants)[] {
    return Object.keys(this.queries.get(name) ?? {}) as (keyof Variants)[];
  }
}

let shared: QueryRegistry | undefined;
/** The registry of the checked-out `cypher/` folder, read once. */
export function queries(): QueryRegistry {
  shared ??= QueryRegistry.load();
  return shared;
}

/** Splits a file of several statements (schema files) into statements. */
export function statementsOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
