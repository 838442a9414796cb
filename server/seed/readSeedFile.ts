import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument, isNode, type Node as YamlNode } from 'yaml';
import { SeedFile } from '../../model/index.js';

/**
 * Reads one curated seed file and validates it against the domain model.
 * Problems come back as `file:line: field: reason`, the line being the line of the
 * YAML file where the offending value stands, so a curator can go straight to it.
 */

export type SeedProblem = { file: string; line: number; field: string; reason: string };

export class SeedFileError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SeedFileError';
  }
}

export function formatProblem(p: SeedProblem): string {
  return `${p.file}:${p.line}: ${p.field || '(file)'}: ${p.reason}`;
}

export type ParsedSeedFile = { path: string; name: string; seed: SeedFile; lineOf: (path: (string | number)[]) => number };

export function readSeedFile(path: string): ParsedSeedFile {
  const name = basename(path);
  const text = readFileSync(path, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new SeedFileError(
      doc.errors.map((e) => ({
        file: name,
        line: e.linePos?.[0]?.line ?? 1,
        field: '(yaml)',
        reason: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  const lineOf = (fieldPath: (string | number)[]): number => {
    for (let depth = fieldPath.length; depth >= 0; depth--) {
      const node = doc.getIn(fieldPath.slice(0, depth), true);
      if (isNode(node) && (node as YamlNode).range) {
        return lineCounter.linePos((node as YamlNode).range![0]).line;
      }
    }
    return 1;
  };
  const parsed = SeedFile.safeParse(doc.toJS());
  if (!parsed.success) {
    throw new SeedFileError(
      parsed.error.issues.map((issue) => {
        const fieldPath = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        return { file: name, line: lineOf(fieldPath), field: fieldPath.join('.'), reason: issue.message };
      }),
    );
  }
  return { path, name, seed: parsed.data, lineOf };
}
