import { z } from 'zod';
import { NodeInput, RelationshipInput } from './graphItems.js';
import { SOURCE_FILE_PATTERN } from './provenance.js';

/**
 * The shape of one curated seed file in `seed/`: the nodes and relationships
 * drawn from one source document (or, for `frameworks.yaml`, the national
 * reference frameworks). A file is loaded whole or not at all.
 */
export const SeedFile = z
  .object({
    document: z.string().regex(SOURCE_FILE_PATTERN).nullable().describe('the source document, or null for reference data'),
    description: z.string().min(1),
    nodes: z.array(NodeInput),
    relationships: z.array(RelationshipInput).default([]),
    /** Curation notes a reviewer should see: wordings that matched no framework node, vague leads and the like. */
    findings: z.array(z.string()).default([]),
  })
  .strict();

export type SeedFile = z.infer<typeof SeedFile>;
