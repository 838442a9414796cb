import type { NodeInput } from '../../model/index.js';
import { GraphWriter, type ChangeSummary } from '../graph/graphWriter.js';
import { ValidationError } from '../graph/validationError.js';
import type { GraphStore } from '../store/port.js';
import { checkSeedSet } from './checkSeedSet.js';
import { formatProblem, type SeedProblem } from './readSeedFile.js';
import { seedFilePaths } from './seedFiles.js';

/**
 * Loads the curated seed files into a store, one transaction per file: a file that
 * fails any check is reported with its file, line and field and nothing of it is
 * written; the others load. Loading again changes nothing.
 */

export type SeedFileReport = { file: string; loaded: boolean; summary?: ChangeSummary; problems: string[] };

/** Organisations may be declared by several files; they become one node with every alias any file prints. */
function mergeOrganisations(nodes: NodeInput[]): Map<string, NodeInput> {
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
  const writer = new GraphWriter(store);
  const reports: SeedFileReport[] = [];
  const failedNames = new Set(
    paths.map((p) => p.split(/[\\/]/).pop()!).filter((n) => !files.some((f) => f.name === n)),
  );
  for (const name of failedNames) {
    reports.push({ file: name, loaded: false, problems: (problemsByFile.get(name) ?? []).map(formatProblem) });
  }
  const written = new Set<string>();
  for (const file of files) {
    const fileProblems = problemsByFile.get(file.name) ?? [];
    if (fileProblems.length > 0) {
      reports.push({ file: file.name, loaded: false, problems: fileProblems.map(formatProblem) });
      continue;
    }
    const nodes = file.seed.nodes
      .filter((n) => n.kind !== 'Organisation' || !written.has(n.id))
      .map((n) => (n.kind === 'Organisation' ? organisations.get(n.id)! : n));
    try {
      const summary = await writer.apply({ nodes, relationships: file.seed.relationships });
      nodes.forEach((n) => n.kind === 'Organisation' && written.add(n.id));
      reports.push({ file: file.name, loaded: true, summary, problems: [] });
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      reports.push({
        file: file.name,
        loaded: false,
        problems: err.issues.map((i) => {
          const path = i.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
          return formatProblem({ file: file.name, line: file.lineOf(path), field: i.field, reason: i.reason });
        }),
      });
    }
  }
  return reports;
}
