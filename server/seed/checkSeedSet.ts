import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  allowsEndpoints,
  documentAliasesOf,
  type NodeInput,
  type Provenance,
  type RelationshipInput,
} from '../../model/index.js';
import { readSeedFile, type ParsedSeedFile, type SeedProblem } from './readSeedFile.js';
import { quoteStandsAt, sourceLines, SOURCES_DIR } from './sourceText.js';

/**
 * Checks that go beyond one file's schema: every quote stands at its lines,
 * every relationship joins nodes that exist (in any seed file) with kinds its type allows,
 * and no id is declared twice with different content (organisations may repeat: they merge).
 */

export function checkProvenance(file: ParsedSeedFile, p: Provenance, fieldPath: (string | number)[]): SeedProblem[] {
  if (p.source !== 'document') return [];
  const at = { file: file.name, line: file.lineOf([...fieldPath, 'provenance']), field: [...fieldPath, 'provenance'].join('.') };
  if (!existsSync(join(SOURCES_DIR, p.file))) return [{ ...at, reason: `no source document named ${p.file}` }];
  const total = sourceLines(p.file).length;
  if (p.lines[1] > total) return [{ ...at, reason: `${p.file} has ${total} lines, not ${p.lines[1]}` }];
  if (!quoteStandsAt(p.file, p.lines[0], p.lines[1], p.quote)) {
    return [{ ...at, reason: `the quote does not stand at ${p.file} lines ${p.lines[0]}-${p.lines[1]}: "${p.quote.slice(0, 80)}"` }];
  }
  return [];
}

/** A document alias must name a source document that prints the alias as a whole word: it says what that document means by it. */
export function checkDocumentAliases(file: ParsedSeedFile, node: NodeInput, i: number): SeedProblem[] {
  if (node.kind !== 'Organisation') return [];
  return documentAliasesOf(node.props).flatMap(([document, alias], j) => {
    const at = { file: file.name, line: file.lineOf(['nodes', i, 'props', 'documentAliases', j]), field: `nodes.${i}.props.documentAliases.${j}` };
    if (!existsSync(join(SOURCES_DIR, document))) return [{ ...at, reason: `no source document named ${document}` }];
    const words = new RegExp(`(^|[^A-Za-z0-9])${alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')}(?=$|[^A-Za-z0-9])`);
    return words.test(sourceLines(document).join('\n')) ? [] : [{ ...at, reason: `${document} never prints "${alias}"` }];
  });
}

export type NodeIndex = Map<string, { node: NodeInput; file: string }>;

export function indexNodes(files: ParsedSeedFile[]): { index: NodeIndex; problems: SeedProblem[] } {
  const index: NodeIndex = new Map();
  const problems: SeedProblem[] = [];
  for (const file of files) {
    file.seed.nodes.forEach((node, i) => {
      const seen = index.get(node.id);
      if (seen && (seen.node.kind !== 'Organisation' || node.kind !== 'Organisation')) {
        problems.push({
          file: file.name,
          line: file.lineOf(['nodes', i, 'id']),
          field: `nodes.${i}.id`,
          reason: `id ${node.id} is already declared in ${seen.file}`,
        });
      } else if (!seen) {
        index.set(node.id, { node, file: file.name });
      }
    });
  }
  return { index, problems };
}

export function checkRelationship(
  file: ParsedSeedFile,
  rel: RelationshipInput,
  i: number,
  index: NodeIndex,
): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const where = (field: string) => ({ file: file.name, line: file.lineOf(['relationships', i, field]), field: `relationships.${i}.${field}` });
  const from = index.get(rel.from);
  const to = index.get(rel.to);
  if (!from) problems.push({ ...where('from'), reason: `no node with id ${rel.from}` });
  if (!to) problems.push({ ...where('to'), reason: `no node with id ${rel.to}` });
  if (from && to && !allowsEndpoints(rel.type, from.node.kind, to.node.kind)) {
    problems.push({ ...where('type'), reason: `${rel.type} cannot join ${from.node.kind} to ${to.node.kind}` });
  }
  return problems;
}

/** Reads and checks a whole set of seed files; returns the parsed files and every problem found. */
export function checkSeedSet(paths: string[]): { files: ParsedSeedFile[]; problems: SeedProblem[] } {
  const files: ParsedSeedFile[] = [];
  const problems: SeedProblem[] = [];
  for (const path of paths) {
    try {
      files.push(readSeedFile(path));
    } catch (err) {
      if (err instanceof Error && 'problems' in err) problems.push(...(err as { problems: SeedProblem[] }).problems);
      else throw err;
    }
  }
  const { index, problems: idProblems } = indexNodes(files);
  problems.push(...idProblems);
  for (const file of files) {
    file.seed.nodes.forEach((node, i) => problems.push(...checkProvenance(file, node.provenance, ['nodes', i]), ...checkDocumentAliases(file, node, i)));
    file.seed.relationships.forEach((rel, i) => {
      problems.push(...checkProvenance(file, rel.provenance, ['relationships', i]));
      problems.push(...checkRelationship(file, rel, i, index));
    });
  }
  return { files, problems };
}
