import JSZip from 'jszip';
import type { GraphStore } from '../store/port.js';
import { exportCsv } from './exportCsv.js';
import { exportGraphml } from './exportGraphml.js';
import { exportJson } from './exportJson.js';
import { exportNeo4jScript } from './exportNeo4j.js';
import { readExportGraph, type ExportGraph } from './readGraph.js';

/** The export formats, their files and media types; one entry per format. */
export const EXPORT_FORMATS = ['json', 'csv', 'graphml', 'neo4j'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA: Record<ExportFormat, { file: string; contentType: string }> = {
  json: { file: 'golden-thread.json', contentType: 'application/json; charset=utf-8' },
  csv: { file: 'golden-thread-csv.zip', contentType: 'application/zip' },
  graphml: { file: 'golden-thread.graphml', contentType: 'application/graphml+xml; charset=utf-8' },
  neo4j: { file: 'golden-thread.cypher', contentType: 'text/plain; charset=utf-8' },
};

/** Relative file name -> content: one file for json, graphml and neo4j; one per kind and type for csv. */
export async function exportFiles(store: GraphStore, format: ExportFormat, exportedAt = new Date().toISOString()): Promise<Map<string, string>> {
  return exportFilesOf(await readExportGraph(store), format, exportedAt);
}

/** The same files from a graph already read (a snapshot's, for one). */
export function exportFilesOf(graph: ExportGraph, format: ExportFormat, exportedAt = new Date().toISOString()): Map<string, string> {
  switch (format) {
    case 'json':
      return new Map([[EXPORT_MEDIA.json.file, exportJson(graph, exportedAt)]]);
    case 'graphml':
      return new Map([[EXPORT_MEDIA.graphml.file, exportGraphml(graph)]]);
    case 'neo4j':
      return new Map([[EXPORT_MEDIA.neo4j.file, exportNeo4jScript(graph, exportedAt)]]);
    case 'csv':
      return exportCsv(graph);
  }
}

/** What GET /api/export sends: the single file, or the CSV files in one zip. */
export async function exportBody(store: GraphStore, format: ExportFormat): Promise<Buffer> {
  return bodyOf(await exportFiles(store, format), format);
}

/** The single file, or the CSV files zipped. */
export async function bodyOf(files: Map<string, string>, format: ExportFormat): Promise<Buffer> {
  if (format !== 'csv') return Buffer.from([...files.values()][0]!, 'utf8');
  const zip = new JSZip();
  for (const [name, text] of files) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
