import type { CompletionContext, CompletionResult, Completion } from '@codemirror/autocomplete';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../model/index.js';
import { nodePropertyColumns, relationshipPropertyColumns } from '../../model/columns.js';

/**
 * Completion from the domain model itself (model/): after ":" the node labels and
 * relationship types, after "." the properties (of the label the variable was matched
 * with, when the text says so), elsewhere Cypher's keywords and the labels.
 */

const KEYWORDS = [
  'MATCH',
  'OPTIONAL MATCH',
  'WHERE',
  'RETURN',
  'WITH',
  'DISTINCT',
  'ORDER BY',
  'LIMIT',
  'SKIP',
  'AND',
  'OR',
  'NOT',
  'EXISTS',
  'IN',
  'AS',
  'COUNT',
  'COLLECT',
  'CASE',
  'WHEN',
  'THEN',
  'ELSE',
  'END',
  'UNWIND',
  'CONTAINS',
  'STARTS WITH',
  'IS NULL',
  'IS NOT NULL',
  'DESC',
];

const labels: Completion[] = NODE_KINDS.map((k) => ({ label: k, type: 'class', detail: 'label' }));
const types: Completion[] = RELATIONSHIP_TYPES.map((t) => ({ label: t, type: 'type', detail: 'relationship' }));
const propertiesOf = new Map<string, string[]>([
  ...NODE_KINDS.map((k) => [k, ['id', ...nodePropertyColumns(k).map((c) => c.name)]] as [string, string[]]),
  ...RELATIONSHIP_TYPES.map((t) => [t, relationshipPropertyColumns(t).map((c) => c.name)] as [string, string[]]),
]);
const everyProperty = [...new Set([...propertiesOf.values()].flat())].sort();

/** The label or type a variable was bound to in the text: `(a:Action` or `[r:SERVES`. */
function boundKind(text: string, variable: string): string | null {
  const m = new RegExp(`[([]\\s*${variable}\\s*:\\s*([A-Za-z_]+)`).exec(text);
  return m ? m[1]! : null;
}

export function modelCompletions(context: CompletionContext): CompletionResult | null {
  const property = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_]*/);
  if (property) {
    const [variable] = property.text.split('.');
    const kind = boundKind(context.state.doc.toString(), variable!);
    const names = (kind && propertiesOf.get(kind)) || everyProperty;
    return { from: property.from + variable!.length + 1, options: names.map((n) => ({ label: n, type: 'property', ...(kind ? { detail: kind } : {}) })), validFor: /^[A-Za-z0-9_]*$/ };
  }
  const colon = context.matchBefore(/:[A-Za-z_]*/);
  if (colon) {
    const before = context.state.doc.sliceString(Math.max(0, colon.from - 40), colon.from);
    const inRelationship = before.lastIndexOf('[') > before.lastIndexOf(']') && before.lastIndexOf('[') > before.lastIndexOf('(');
    return { from: colon.from + 1, options: inRelationship ? types : [...labels, ...types], validFor: /^[A-Za-z_]*$/ };
  }
  const word = context.matchBefore(/[A-Za-z_]+/);
  if (!word && !context.explicit) return null;
  return { from: word?.from ?? context.pos, options: [...KEYWORDS.map((k) => ({ label: k, type: 'keyword' })), ...labels], validFor: /^[A-Za-z_ ]*$/ };
}
