import type { NodeKind } from '../../model/nodes.js';
import { allowsEndpoints, RELATIONSHIP_SCHEMAS, RELATIONSHIP_TYPES, type RelationshipType } from '../../model/relationships.js';

/**
 * Which links the model allows between two nodes, in either direction
 * (model/relationships.ts): the link form offers only these. Pure.
 */

export type LinkChoice = { type: RelationshipType; from: string; to: string; description: string };

export function linkChoices(a: { id: string; kind: NodeKind }, b: { id: string; kind: NodeKind }): LinkChoice[] {
  if (a.id === b.id) return [];
  const out: LinkChoice[] = [];
  for (const type of RELATIONSHIP_TYPES) {
    if (allowsEndpoints(type, a.kind, b.kind)) out.push({ type, from: a.id, to: b.id, description: RELATIONSHIP_SCHEMAS[type].description });
    if (allowsEndpoints(type, b.kind, a.kind)) out.push({ type, from: b.id, to: a.id, description: RELATIONSHIP_SCHEMAS[type].description });
  }
  return out;
}

/** "2.5.7 serves Accommodation": the choice in words, for the select. */
export function choiceLabel(c: LinkChoice, name: (id: string) => string): string {
  return `${name(c.from)} — ${c.type.replace(/_/g, ' ').toLowerCase()} → ${name(c.to)}`;
}
