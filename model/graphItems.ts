import { z } from 'zod';
import { NodeId } from './ids.js';
import { NODE_SCHEMAS, NODE_KINDS, type NodeKind } from './nodes.js';
import { Provenance } from './provenance.js';
import { RELATIONSHIP_SCHEMAS, RelationshipTypeSchema, type RelationshipType } from './relationships.js';

/**
 * What callers hand to the store: a node or relationship with its properties and
 * provenance. The store adds `version` (starting at 1, raised on every change).
 */

function nodeInputOf<K extends NodeKind>(kind: K) {
  return z
    .object({
      kind: z.literal(kind),
      id: NodeId,
      props: NODE_SCHEMAS[kind],
      provenance: Provenance,
    })
    .strict();
}

const nodeInputs = NODE_KINDS.map((k) => nodeInputOf(k));
/** A node of any kind; the `kind` field picks the property schema, so errors name the right fields. */
export const NodeInput = z.discriminatedUnion('kind', nodeInputs as unknown as [ReturnType<typeof nodeInputOf<'Plan'>>, ...ReturnType<typeof nodeInputOf<NodeKind>>[]]) as unknown as z.ZodType<
  NodeInput,
  NodeInputDraft
>;

type NodeInputOf<K extends NodeKind> = {
  kind: K;
  id: string;
  props: z.infer<(typeof NODE_SCHEMAS)[K]>;
  provenance: Provenance;
};
export type NodeInput = { [K in NodeKind]: NodeInputOf<K> }[NodeKind];
/** Input as written by hand (defaults such as `aliases: []` may be left out). */
export type NodeInputDraft = { [K in NodeKind]: Omit<NodeInputOf<K>, 'props'> & { props: z.input<(typeof NODE_SCHEMAS)[K]> } }[NodeKind];

export type StoredNode = NodeInput & { version: number };

export const RelationshipInput = z
  .object({
    type: RelationshipTypeSchema,
    from: NodeId,
    to: NodeId,
    props: z.record(z.string(), z.unknown()).default({}),
    provenance: Provenance,
  })
  .strict()
  .transform((rel, ctx) => {
    const parsed = RELATIONSHIP_SCHEMAS[rel.type].props.safeParse(rel.props);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ ...issue, path: ['props', ...issue.path] });
      }
      return z.NEVER;
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- the assertion sets the inferred type that the code after it relies on (tsc fails without it)
    return { ...rel, props: parsed.data as Record<string, string | undefined> };
  });

export type RelationshipInput = {
  type: RelationshipType;
  from: string;
  to: string;
  props: Record<string, string | undefined>;
  provenance: Provenance;
};

export type StoredRelationship = RelationshipInput & { id: string; fromKind: NodeKind; toKind: NodeKind };
