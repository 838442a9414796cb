import { gunzipSync, gzipSync } from 'node:zlib';
import { ExportFile, exportJson } from '../export/exportJson.js';
import type { ExportGraph } from '../export/readGraph.js';

/**
 * How a snapshot's graph is kept: the JSON export (the format that already round-trips
 * through import), gzipped and base64-encoded into one text column: the seed's graph is
 * 651 KB of JSON and 100 KB stored. Reading it back validates it with
 * the export's own schema, so a damaged snapshot is an error, never a wrong comparison.
 */

export function encodeSnapshotGraph(graph: ExportGraph, at: string): string {
  return gzipSync(Buffer.from(exportJson(graph, at), 'utf8')).toString('base64');
}

export function decodeSnapshotGraph(encoded: string): ExportGraph {
  const file = ExportFile.parse(JSON.parse(gunzipSync(Buffer.from(encoded, 'base64')).toString('utf8')));
  const kindOf = new Map(file.nodes.map((n) => [n.id, n.kind]));
  return {
    nodes: file.nodes.map((n) => ({ kind: n.kind, id: n.id, props: n.props, provenance: n.provenance })),
    relationships: file.relationships.map((r) => ({
      type: r.type,
      from: r.from,
      to: r.to,
      // The file names the ends' ids only; their kinds are the nodes' (the export has both ends of every relationship).
      fromKind: kindOf.get(r.from)!,
      toKind: kindOf.get(r.to)!,
      props: r.props,
      provenance: r.provenance,
    })),
  };
}
