import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportFiles, type ExportFormat } from '../../export/exportGraph.js';
import { CliError, openStore, type CliCommand } from '../command.js';

/** `npm run cli -- export --format json|csv|graphml|neo4j --out PATH`. */

const usage = `usage: npm run cli -- export --format ${EXPORT_FORMATS.join('|')} --out PATH

  json     one file that imports back unchanged (npm run cli -- import PATH)
  csv      a folder PATH with nodes/<Kind>.csv and relationships/<TYPE>.csv
  graphml  one file for Gephi, yEd or Cytoscape desktop
  neo4j    one Cypher script: cypher-shell -u neo4j -p PASSWORD -f PATH

example: npm run cli -- export --format graphml --out golden-thread.graphml`;

export const command: CliCommand = {
  summary: 'write the graph as JSON, CSV, GraphML or a Neo4j load script',
  usage,
  async run(args, io) {
    const { values } = parseArgs({ args, options: { format: { type: 'string' }, out: { type: 'string' } } });
    if (!values.format || !(EXPORT_FORMATS as readonly string[]).includes(values.format)) throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
    if (!values.out) throw new CliError('--out PATH is required');
    const format = values.format as ExportFormat;
    const store = await openStore();
    try {
      io.err('export: reading the graph');
      const files = await exportFiles(store, format);
      let bytes = 0;
      for (const [name, text] of files) {
        const path = format === 'csv' ? join(values.out, name) : values.out;
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        bytes += Buffer.byteLength(text);
      }
      io.out(`wrote ${format} to ${values.out} (${files.size} file${files.size === 1 ? '' : 's'}, ${bytes} bytes)`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
