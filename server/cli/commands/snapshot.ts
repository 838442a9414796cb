import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { SnapshotCreateBody, SnapshotId, SnapshotSide, snapshotIdOf } from '../../../model/snapshots.js';
import { diffGraphs } from '../../compare/diffGraphs.js';
import { EXPORT_FORMATS, exportFilesOf, type ExportFormat } from '../../export/exportGraph.js';
import { SnapshotExists, createSnapshot, getSnapshot, graphOfSide, listSnapshots, snapshotGraph } from '../../snapshots/snapshots.js';
import { CliError, openStore, type CliCommand } from '../command.js';

/** `npm run cli -- snapshot create|list|compare|export`: named snapshots of the graph, kept in the store. */

const usage = `usage: npm run cli -- snapshot <action> [arguments]

  create NAME [--note TEXT]                  freeze the whole graph now as NAME ("End of Q2 2010" is snapshot:end-of-q2-2010)
  list                                       every snapshot, newest first
  compare FROM [TO] [--json]                 what changed from FROM to TO (snapshot ids, or current; TO defaults to current)
  export ID --format ${EXPORT_FORMATS.join('|')} --out PATH   a snapshot's graph in an export format

example: npm run cli -- snapshot create "End of Q2 2010" && npm run cli -- snapshot compare snapshot:end-of-q2-2010`;

const actor = { id: 'cli', name: process.env.USER ? `${process.env.USER} (command line)` : 'command line' };

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, what: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new CliError(`${[what, ...issue.path.map(String)].join(' ')} ${issue.message}`);
}

export const command: CliCommand = {
  summary: 'freeze the graph as a named snapshot; list, compare and export snapshots',
  usage,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { note: { type: 'string' }, json: { type: 'boolean' }, format: { type: 'string' }, out: { type: 'string' } } });
    const [action, ...rest] = positionals;
    if (!action || !['create', 'list', 'compare', 'export'].includes(action)) throw new CliError('say create, list, compare or export (see --help)');
    const store = await openStore();
    try {
      if (action === 'create') {
        const body = parsed(SnapshotCreateBody, { name: rest.join(' '), ...(values.note ? { note: values.note } : {}) }, 'the snapshot');
        // Said before reading the whole graph, so a taken name fails at once and in one line.
        const taken = await getSnapshot(store, snapshotIdOf(body.name));
        if (taken) throw new CliError(new SnapshotExists(taken.id).message);
        io.err('snapshot: reading the graph');
        try {
          const row = await createSnapshot(store, body, actor);
          io.out(`took ${row.id} “${row.name}”: ${row.nodes} nodes, ${row.relationships} relationships`);
        } catch (err) {
          if (err instanceof SnapshotExists) throw new CliError(err.message);
          throw err;
        }
      } else if (action === 'list') {
        const rows = await listSnapshots(store);
        if (rows.length === 0) io.out('no snapshots yet');
        for (const r of rows) io.out(`${r.id}\t${r.name}\t${r.createdAt}\t${r.createdByName}\t${r.nodes} nodes\t${r.relationships} relationships${r.note ? `\t${r.note}` : ''}`);
      } else if (action === 'compare') {
        const from = parsed(SnapshotSide, rest[0], 'FROM');
        const to = parsed(SnapshotSide, rest[1] ?? 'current', 'TO');
        const [a, b] = await Promise.all([graphOfSide(store, from), graphOfSide(store, to)]);
        if (!a) throw new CliError(`no snapshot ${from}`);
        if (!b) throw new CliError(`no snapshot ${to}`);
        const diff = diffGraphs(a.graph, b.graph);
        if (values.json) {
          io.out(JSON.stringify({ from: { id: from, label: a.label }, to: { id: to, label: b.label }, ...diff }, null, 1));
          return 0;
        }
        const c = diff.counts;
        io.out(
          `from ${a.label} to ${b.label}: nodes ${c.nodesAdded} added, ${c.nodesRemoved} removed, ${c.nodesChanged} changed; relationships ${c.relationshipsAdded} added, ${c.relationshipsRemoved} removed, ${c.relationshipsChanged} changed`,
        );
        for (const n of diff.nodes.added) io.out(`+ ${n.kind} ${n.id} ${n.label}`);
        for (const n of diff.nodes.removed) io.out(`- ${n.kind} ${n.id} ${n.label}`);
        for (const n of diff.nodes.changed) io.out(`~ ${n.kind} ${n.id}: ${n.fields.map((f) => f.field).join(', ')}`);
        for (const r of diff.relationships.added) io.out(`+ ${r.from} -[${r.type}]-> ${r.to}`);
        for (const r of diff.relationships.removed) io.out(`- ${r.from} -[${r.type}]-> ${r.to}`);
      } else {
        const id = parsed(SnapshotId, rest[0], 'ID');
        if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
        if (!values.out) throw new CliError('--out PATH is required');
        const [row, graph] = await Promise.all([getSnapshot(store, id), snapshotGraph(store, id)]);
        if (!row || !graph) throw new CliError(`no snapshot ${id}`);
        const format = values.format as ExportFormat;
        const files = exportFilesOf(graph, format, row.createdAt);
        for (const [name, text] of files) {
          const path = format === 'csv' ? join(values.out, name) : values.out;
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, text);
        }
        io.out(`wrote ${row.id} as ${format} to ${values.out}`);
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
