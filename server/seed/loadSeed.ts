import type { ChangeOperation, ChangeOrigin, NodeInput } from '../../model/index.js';
import { SEED_ACTOR } from '../changes/actors.js';
import { changePipelineFor } from '../changes/pipeline.js';
import { asChangeSetError, changeSetOperations, summaryOf, type ChangeSet, type ChangeSummary } from '../graph/graphWriter.js';
import { ValidationError } from '../graph/validationError.js';
import type { GraphStore } from '../store/port.js';
import { checkSeedSet } from './checkSeedSet.js';
import { formatProblem, type SeedProblem } from './readSeedFile.js';
import { seedFilePaths } from './seedFiles.js';

/**
 * Loads the curated seed files into a store through the change pipeline, as the actor
 * `seed`, in one transaction: a file that fails any check is reported with its file,
 * line and field and nothing of it is written; the others load together or not at all.
 * Loading again changes nothing (and writes no audit entry).
 */

const SEED_ORIGIN: ChangeOrigin = { kind: 'seed' };

export type SeedFileReport = { file: string; loaded: boolean; summary?: ChangeSummary; problems: string[] };

/** Organisations may be declared by several files; they become one node with every alias any file prints. */
export function mergeOrganisations(nodes: NodeInput[]): Map<string, NodeInput> {
  const merged = new Map<string, NodeInput>();
  for (const node of nodes) {
    if (node.kind !== 'Organisation') continue;
    const seen = merged.get(node.id);
    if (!seen || seen.kind !== 'Organisation') {
      merged.set(node.id, { ...node, props: { ...node.props, aliases: [...node.props.aliases] } });
      continue;
    }
    const aliases = new Set([...seen.props.aliases, ...node.props.aliases]);
    aliases.delete(seen.props.name);
    seen.props.aliases = [...aliases].sort((a, b) => a.localeCompare(b));
    const scoped = [...new Set([...(seen.props.documentAliases ?? []), ...(node.props.documentAliases ?? [])])].sort((a, b) => a.localeCompare(b));
    if (scoped.length) seen.props.documentAliases = scoped;
  }
  for (const org of merged.values()) {
    if (org.kind === 'Organisation') org.props.aliases = [...new Set(org.props.aliases)].sort((a, b) => a.localeCompare(b));
  }
  return merged;
}

export async function loadSeed(store: GraphStore, paths = seedFilePaths()): Promise<SeedFileReport[]> {
  const { files, problems } = checkSeedSet(paths);
  const problemsByFile = new Map<string, SeedProblem[]>();
  for (const p of problems) problemsByFile.set(p.file, [...(problemsByFile.get(p.file) ?? []), p]);

  const organisations = mergeOrganisations(files.flatMap((f) => f.seed.nodes));
  const pipeline = changePipelineFor(store);
  const reports: SeedFileReport[] = [];
  const failedNames = new Set(
    paths.map((p) => p.split(/[\\/]/).pop()!).filter((n) => !files.some((f) => f.name === n)),
  );
  for (const name of failedNames) {
    reports.push({ file: name, loaded: false, problems: (problemsByFile.get(name) ?? []).map(formatProblem) });
  }

  // Each file is planned (nothing written) on top of the files accepted before it; one that fails is
  // reported with its lines and left out. The accepted files are then committed as ONE change, so a
  // process killed while loading leaves the whole seed or nothing, and the next start loads it again.
  const written = new Set<string>();
  const accepted: { name: string; changes: ChangeSet; operations: ChangeOperation[] }[] = [];
  for (const file of files) {
    const fileProblems = problemsByFile.get(file.name) ?? [];
    if (fileProblems.length > 0) {
      reports.push({ file: file.name, loaded: false, problems: fileProblems.map(formatProblem) });
      continue;
    }
    const nodes = file.seed.nodes
      .filter((n) => n.kind !== 'Organisation' || !written.has(n.id))
      .map((n) => (n.kind === 'Organisation' ? organisations.get(n.id)! : n));
    const changes: ChangeSet = { nodes, relationships: file.seed.relationships };
    const before = accepted.flatMap((a) => a.operations);
    let paths: string[] = [];
    try {
      const set = changeSetOperations(changes);
      paths = set.paths;
      await pipeline.plan([...before, ...set.operations], SEED_ACTOR, SEED_ORIGIN, { upsert: true });
      nodes.forEach((n) => n.kind === 'Organisation' && written.add(n.id));
      accepted.push({ name: file.name, changes, operations: set.operations });
    } catch (err) {
      const refusal = paths.length ? asChangeSetError(err, paths, before.length) : err;
      if (!(refusal instanceof ValidationError)) throw refusal;
      reports.push({
        file: file.name,
        loaded: false,
        problems: refusal.issues.map((i) => {
          const path = i.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
          return formatProblem({ file: file.name, line: file.lineOf(path), field: i.field, reason: i.reason });
        }),
      });
    }
  }
  if (accepted.length === 0) return reports;
  const result = await pipeline.submit(
    { operations: accepted.flatMap((a) => a.operations), reason: `seed files ${accepted.map((a) => a.name).join(', ')}` },
    SEED_ACTOR,
    SEED_ORIGIN,
    { upsert: true },
  );
  for (const a of accepted) {
    const ids = new Set((a.changes.nodes ?? []).map((n) => n.id));
    reports.push({ file: a.name, loaded: true, summary: summaryOf(result.diff, a.changes, ids), problems: [] });
  }
  return reports;
}
