import { LABEL_PROPERTY, NODE_KINDS, RELATIONSHIP_TYPES, flattenProvenance, nodePropertyColumns, relationshipPropertyColumns, type ColumnType } from '../../model/index.js';
import type { Value } from '../store/port.js';
import type { ExportGraph } from './readGraph.js';

/**
 * GraphML 1.0 with typed attribute keys, as Gephi, yEd and Cytoscape desktop read
 * it: one directed graph, a key per property (kind, label, each model property,
 * provenance), lists joined with " | ". GraphML ids must be XML name tokens, so an
 * id with other characters is escaped in the id attribute and kept whole in the
 * `gt_id` key; `label` is what the tools show on the map.
 */

const XML_TYPE: Record<ColumnType, string> = { STRING: 'string', INT64: 'long', DOUBLE: 'double', BOOLEAN: 'boolean', 'STRING[]': 'string' };
const PROVENANCE_KEYS: [string, ColumnType][] = [
  ['provSource', 'STRING'],
  ['provFile', 'STRING'],
  ['provLineFrom', 'INT64'],
  ['provLineTo', 'INT64'],
  ['provQuote', 'STRING'],
  ['provAuthor', 'STRING'],
  ['provAt', 'STRING'],
  ['provNote', 'STRING'],
];

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** An XML NMTOKEN: letters, digits, . - _ : and nothing else; anything else as _xHHHH_. */
export function graphmlId(id: string): string {
  return id.replace(/[^A-Za-z0-9._:-]/g, (c) => `_x${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}_`);
}

function valueText(v: Value): string {
  return Array.isArray(v) ? v.map(String).join(' | ') : String(v);
}

export function exportGraphml(graph: ExportGraph): string {
  const nodeKeys = new Map<string, ColumnType>([
    ['gt_id', 'STRING'],
    ['kind', 'STRING'],
    ['label', 'STRING'],
  ]);
  for (const kind of NODE_KINDS) for (const c of nodePropertyColumns(kind)) if (!nodeKeys.has(c.name)) nodeKeys.set(c.name, c.type);
  for (const [name, type] of PROVENANCE_KEYS) nodeKeys.set(name, type);
  const edgeKeys = new Map<string, ColumnType>([['type', 'STRING']]);
  for (const type of RELATIONSHIP_TYPES) for (const c of relationshipPropertyColumns(type)) if (!edgeKeys.has(c.name)) edgeKeys.set(c.name, c.type);
  for (const [name, type] of PROVENANCE_KEYS) edgeKeys.set(name, type);

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of nodeKeys) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${XML_TYPE[type]}"/>`);
  for (const [name, type] of edgeKeys) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${XML_TYPE[type]}"/>`);
  out.push('  <graph id="golden-thread" edgedefault="directed">');
  const data = (prefix: string, values: [string, Value | undefined][]) =>
    values
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => `<data key="${prefix}_${k}">${xml(valueText(v!))}</data>`)
      .join('');
  for (const n of graph.nodes) {
    const props = Object.entries<Value>(n.props);
    const prov = Object.entries(flattenProvenance(n.provenance)) as [string, Value][];
    const label = n.props[LABEL_PROPERTY[n.kind]] ?? n.id;
    out.push(`    <node id="${xml(graphmlId(n.id))}">${data('n', [['gt_id', n.id], ['kind', n.kind], ['label', label], ...props, ...prov])}</node>`);
  }
  graph.relationships.forEach((r, i) => {
    const props = Object.entries<Value>(r.props);
    const prov = Object.entries(flattenProvenance(r.provenance)) as [string, Value][];
    out.push(`    <edge id="e${i}" source="${xml(graphmlId(r.from))}" target="${xml(graphmlId(r.to))}">${data('e', [['type', r.type], ...props, ...prov])}</edge>`);
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
