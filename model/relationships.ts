import { z } from 'zod';
import type { NodeKind } from './nodes.js';
import { LINK_BASES } from './vocabulary.js';

/**
 * The relationship types, the node kinds each may join, and their properties.
 * Like the node schemas, this table is the single source of truth for both engines.
 */

const optionalText = z.string().trim().min(1).optional();

/** Every relationship says on what basis it exists: printed, inferred by curation, or added by an edit. */
const linkBasis = z.enum(LINK_BASES).describe('on what basis the link exists (see BASES in vocabulary.ts)');
const BasisProps = z.object({ linkBasis }).strict();
const RoleProps = z.object({ linkBasis, role: optionalText.describe('the role as printed, e.g. "MAPPA steering group chair"') }).strict();
const ServesProps = z
  .object({
    linkBasis,
    printedAs: optionalText.describe('the wording or number as it stands in the document'),
    rationale: optionalText.describe('why the link exists, in the words of whoever made it'),
    evidenceNote: optionalText.describe('the evidence for it: a passage, a report, a decision'),
    evidenceUrl: z.url({ message: 'must be a URL such as https://example.org/report.pdf' }).optional().describe('where the evidence can be read'),
  })
  .strict();

type Endpoints = readonly (readonly [NodeKind, NodeKind])[];

function pairs(from: readonly NodeKind[], to: readonly NodeKind[]): Endpoints {
  return from.flatMap((f) => to.map((t) => [f, t] as const));
}

export const RELATIONSHIP_SCHEMAS = {
  CONTAINS: {
    // Not programmes: one programme runs through several plans (CSOGP in three), which reach it through USES and FUNDS.
    description: 'plan contains action, outcome, priority, indicator, event, funding or output',
    endpoints: pairs(['Plan'], ['Action', 'LocalOutcome', 'Priority', 'Indicator', 'Event', 'Funding', 'Output']),
    props: BasisProps,
  },
  SERVES: {
    description: 'action, output, local outcome or priority serves a higher outcome or aim',
    endpoints: [
      // An output serves only its outcome: actions keep their own SERVES links, so threads stay one to three links long.
      ...pairs(['Output'], ['LocalOutcome']),
      ...pairs(['Action'], ['LocalOutcome', 'Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome']),
      ...pairs(['LocalOutcome'], ['Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome']),
      ...pairs(['Priority'], ['Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome']),
    ],
    props: ServesProps,
  },
  LEADS: {
    description: 'organisation leads action, milestone, priority or event',
    endpoints: pairs(['Organisation'], ['Action', 'Milestone', 'Priority', 'Event']),
    props: RoleProps,
  },
  PARTNERS_IN: {
    description: 'organisation is a partner, consultee or attendee',
    endpoints: pairs(['Organisation'], ['Action', 'Plan', 'Priority', 'Event']),
    props: RoleProps,
  },
  PUBLISHES: {
    description: 'organisation publishes plan',
    endpoints: pairs(['Organisation'], ['Plan']),
    props: BasisProps,
  },
  MEMBER_OF: {
    description: 'organisation is a member of a partnership or group',
    endpoints: pairs(['Organisation'], ['Organisation']),
    props: RoleProps,
  },
  HAS_MILESTONE: {
    description: 'action has milestone',
    endpoints: pairs(['Action'], ['Milestone']),
    props: BasisProps,
  },
  HAS_PROGRESS: {
    description: "action (or a key objective reported on, as Glasgow's MAPPA objectives) has progress update",
    endpoints: pairs(['Action', 'Priority'], ['ProgressUpdate']),
    props: BasisProps,
  },
  MEASURES: {
    description: 'indicator measures an outcome, priority or action',
    endpoints: pairs(['Indicator'], ['LocalOutcome', 'NationalOutcome', 'Priority', 'Action']),
    props: BasisProps,
  },
  CONTINUES: {
    description: 'plan continues an earlier plan',
    endpoints: pairs(['Plan'], ['Plan']),
    props: BasisProps,
  },
  GRANTS: {
    description: 'organisation grants funding',
    endpoints: pairs(['Organisation'], ['Funding']),
    props: BasisProps,
  },
  FUNDS: {
    description: 'funding pays for an action, priority, organisation, event or programme',
    endpoints: pairs(['Funding'], ['Action', 'Priority', 'Organisation', 'Event', 'Programme']),
    props: BasisProps,
  },
  CITES: {
    description: 'plan cites a national outcome or strategic aim at plan level (not through an action)',
    endpoints: pairs(['Plan'], ['NationalOutcome', 'StrategicAim']),
    props: ServesProps,
  },
  REPORTS_ON: {
    description: 'progress update reports on the work of an organisation (the SLC and NLC notes)',
    endpoints: pairs(['ProgressUpdate'], ['Organisation']),
    props: BasisProps,
  },
  REQUESTS: {
    description: 'organisation asks for something of or about another body (e.g. to re-establish a group)',
    endpoints: pairs(['Organisation'], ['Organisation']),
    props: RoleProps,
  },
  SUPPORTS: {
    description: 'organisation supports another body or what is asked for it (e.g. a letter of support)',
    endpoints: pairs(['Organisation'], ['Organisation']),
    props: RoleProps,
  },
  DELIVERS: {
    description: 'organisation delivers a programme; action delivers an output (Lothian & Borders)',
    endpoints: [...pairs(['Organisation'], ['Programme']), ...pairs(['Action'], ['Output'])],
    props: RoleProps,
  },
  USES: {
    description: 'action or progress update uses, rolls out, develops or reviews a programme',
    endpoints: pairs(['Action', 'ProgressUpdate'], ['Programme']),
    props: RoleProps,
  },
} as const;

export type RelationshipType = keyof typeof RELATIONSHIP_SCHEMAS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_SCHEMAS) as RelationshipType[];
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]);

export function allowsEndpoints(type: RelationshipType, from: NodeKind, to: NodeKind): boolean {
  return RELATIONSHIP_SCHEMAS[type].endpoints.some(([f, t]) => f === from && t === to);
}
