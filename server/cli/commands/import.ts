import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { ImportMapping, ImportPlanOptions } from '../../../model/importMapping.js';
import type { Actor } from '../../../model/roles.js';
import { slug } from '../../../model/ids.js';
import { ImportError } from '../../imports/importError.js';
import { runImport, runJsonImport } from '../../imports/runImport.js';
import { CliError, openStore, type CliCommand, type CliIo } from '../command.js';
import type { ChangeDiff } from '../../../model/changes.js';

/** `npm run cli -- import FILE [--mapping M] [--dry-run]`: a Word table, a spreadsheet, CSV, pasted text, or a JSON export. */

const usage = `usage: npm run cli -- import FILE [--mapping M.json] [--save-mapping M.json] [--dry-run]
                              [--plan-key KEY] [--plan-title TITLE] [--body BODY] [--period PERIOD]
                              [--plan-type TYPE] [--progress-period PERIOD]

FILE is a .docx (its tables), .xlsx (every sheet), .csv, .tsv/.txt (a table pasted from
Word or Excel), or a Golden Thread .json export. The rows become actions of the plan
plan:KEY (KEY defaults to the file name), matched to the organisations and outcomes
the graph holds; --dry-run shows what would change and writes nothing.

A mapping file maps headings the importer does not recognise, and printed names to
organisations, e.g.
  {"name": "LCJA quarterly", "columns": {"What we will do": "title"},
   "organisations": {"NLC": "org:north-lanarkshire-council", "CJSW": null}}
--save-mapping writes the mapping used, with every heading recognised, for next quarter.

example: npm run cli -- import q2-2010.docx --plan-key lcja-q2-2010 --dry-run`;

function summary(diff: ChangeDiff): string {
  const byKind = new Map<string, number>();
  for (const n of diff.nodes.added) byKind.set(n.kind, (byKind.get(n.kind) ?? 0) + 1);
  const kinds = [...byKind].map(([k, n]) => `${n} ${k}`).join(', ');
  return `${diff.nodes.added.length} nodes added${kinds ? ` (${kinds})` : ''}, ${diff.nodes.updated.length} updated, ${diff.relationships.added.length} links added, ${diff.relationships.removed.length} removed`;
}

function progress(io: CliIo) {
  const started = Date.now();
  return (stage: string, done: number, total: number) => io.err(`import: ${stage} ${'#'.repeat(done).padEnd(total, '.')} ${done}/${total} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export const command: CliCommand = {
  summary: 'import actions from a Word table, spreadsheet, CSV or pasted table (or a JSON export)',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        'save-mapping': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'plan-key': { type: 'string' },
        'plan-title': { type: 'string' },
        body: { type: 'string' },
        period: { type: 'string' },
        'plan-type': { type: 'string' },
        'progress-period': { type: 'string' },
      },
    });
    if (positionals.length !== 1) throw new CliError('name one file: import FILE');
    const path = positionals[0]!;
    const file = basename(path);
    let buffer: Buffer;
    try {
      buffer = readFileSync(path);
    } catch (err) {
      throw new CliError(`${path}: ${(err as Error).message}`);
    }
    const os = userInfo().username || 'operator';
    const actor: Actor = { id: `cli:${os}`, name: os, role: 'editor' };
    const dryRun = values['dry-run'];
    const store = await openStore();
    try {
      if (file.toLowerCase().endsWith('.json')) {
        const result = await runJsonImport(store, buffer, file, actor, { dryRun });
        io.out(`${dryRun ? 'would change' : result.committed ? 'committed' : 'nothing to change'}: ${summary(result.diff)}`);
        return 0;
      }
      let mapping: ImportMapping | undefined;
      if (values.mapping) {
        const parsed = ImportMapping.safeParse(JSON.parse(readFileSync(values.mapping, 'utf8')));
        if (!parsed.success) throw new CliError(`${values.mapping}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'} ${i.message}`).join('; ')}`);
        mapping = parsed.data;
      }
      const plan = ImportPlanOptions.safeParse({
        key: values['plan-key'] ?? slug(file.replace(/\.[^.]+$/, '')).slice(0, 60),
        ...(values['plan-title'] ? { title: values['plan-title'] } : {}),
        ...(values.body ? { body: values.body } : {}),
        ...(values.period ? { period: values.period } : {}),
        ...(values['plan-type'] ? { planType: values['plan-type'] } : {}),
        ...(values['progress-period'] ? { progressPeriod: values['progress-period'] } : {}),
      });
      if (!plan.success) throw new CliError(plan.error.issues.map((i) => `--${String(i.path[0] ?? 'plan')} ${i.message}`).join('; '));
      const result = await runImport(store, { buffer, file, plan: plan.data, ...(mapping ? { mapping } : {}), onProgress: progress(io) }, actor, { dryRun });
      const { interpretation, graph } = result.prepared;
      for (const h of interpretation.unrecognisedHeadings) io.err(`${file}, ${h.table}, row ${h.row}: heading "${h.heading}" not recognised; map it in a mapping file`);
      for (const p of interpretation.problems) io.err(`${file}, ${p.table}, row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.reason}`);
      for (const u of graph.unmatched) {
        const s = u.suggestions.map((x) => `${x.name} (${x.id}, ${x.score})`).join('; ');
        io.err(`${file}, ${u.places[0]!.table}, row ${u.places[0]!.row}, column ${u.column}: "${u.value}" matches nothing${s ? `; did you mean ${s}?` : ''}`);
      }
      for (const l of graph.links.filter((x) => x.inferred))
        io.err(`${file}, ${l.provenance.table}, row ${l.provenance.rows[0]}: inferred ${l.type} ${l.from} -> ${l.to} (near-exact wording, score ${l.score})`);
      if (values['save-mapping']) {
        const saved = {
          name: mapping?.name ?? `mapping for ${file}`,
          columns: { ...Object.fromEntries(interpretation.recognisedHeadings.map((h) => [h.heading, h.field])), ...(mapping?.columns ?? {}) },
          organisations: mapping?.organisations ?? {},
        };
        writeFileSync(values['save-mapping'], JSON.stringify(saved, null, 2) + '\n');
        io.err(`import: mapping saved to ${values['save-mapping']}`);
      }
      io.out(
        `${dryRun ? 'would change' : result.committed ? `committed ${result.changeId}` : 'nothing to change'}: ${summary(result.diff)}; ${graph.counts.actions} actions read, ${graph.counts.leads} leads matched, ${graph.counts.printedLinks} links as printed, ${graph.counts.inferredLinks} inferred, ${graph.unmatched.length} values unmatched`,
      );
      return 0;
    } catch (err) {
      if (err instanceof ImportError) throw new CliError(err.message);
      throw err;
    } finally {
      await store.close();
    }
  },
};
