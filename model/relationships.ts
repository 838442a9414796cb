import { z } from 'zod';
import type { NodeKind } from './nodes.js';
import { LINK_BASES } from './vocabulary.js';

/**
 * The relationship types, the node kinds each may join, and their properties.
 * Like the node schemas, this table is the single source of truth for both engines.
 */

const optionalText = z.string().trim().min(1).optional();

const NoProps = z.object({}).strict();
const RoleProps = z.object({ role: optionalText.describe('the role as printed, e.g. "MAPPA steering group chair"') }).strict();
const ServesProps = z
  .object({
    linkBasis: z.enum(LINK_BASES),
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
    description: 'plan contains action, outcome, priority, indicator, event or funding',
    endpoints: pairs(['Plan'], ['Action', 'LocalOutcome', 'Priority', 'Indicator', 'Event', 'Funding']),
    props: NoProps,
  },
  SERVES: {
    description: 'action, local outcome or priority serves a higher outcome or aim',
    endpoints: [
      ...pairs(['Action'], ['LocalOutcome', 'Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome']),
      ...pairs(['LocalOutcome'], ['Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome']),
      ...pairs(['Priority'], ['Priority', 'NationalOutcome', 'StrategicAim', 'FrameworkOutcome']),
    ],
    props: ServesProps,
  },
  LEADS: {
    description: 'organisation leads action, priority or event',
    endpoints: pairs(['Organisation'], ['Action', 'Priority', 'Event']),
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
    props: NoProps,
  },
  MEMBER_OF: {
    description: 'organisation is a member of a partnership or group',
    endpoints: pairs(['Organisation'], ['Organisation']),
    props: RoleProps,
  },
  HAS_MILESTONE: {
    description: 'action has milestone',
    endpoints: pairs(['Action'], ['Milestone']),
    props: NoProps,
  },
  HAS_PROGRESS: {
    description: 'action has progress update',
    endpoints: pairs(['Action'], ['ProgressUpdate']),
    props: NoProps,
  },
  MEASURES: {
    description: 'indicator measures an outcome, priority or action',
    endpoints: pairs(['Indicator'], ['LocalOutcome', 'NationalOutcome', 'Priority', 'Action']),
    props: NoProps,
  },
  CONTINUES: {
    description: 'plan continues an earlier plan',
    endpoints: pairs(['Plan'], ['Plan']),
    props: NoProps,
  },
  GRANTS: {
    description: 'organisation grants funding',
    endpoints: pairs(['Organisation'], ['Funding']),
    props: NoProps,
  },
  FUNDS: {
    description: 'funding pays for an action, priority, organisation or event',
    endpoints: pairs(['Funding'], ['Action', 'Priority', 'Organisation', 'Event']),
    props: NoProps,
  },
} as const;

export type RelationshipType = keyof typeof RELATIONSHIP_SCHEMAS;
export const RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_SCHEMAS) as RelationshipType[];
export const RelationshipTypeSchema = z.enum(RELATIONSHIP_TYPES as [RelationshipType, ...RelationshipType[]]);

export function allowsEndpoints(type: RelationshipType, from: NodeKind, to: NodeKind): boolean {
  return RELATIONSHIP_SCHEMAS[type].endpoints.some(([f, t]) => f === from && t === to);
}
