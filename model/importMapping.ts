import { z } from 'zod';
import { NodeId } from './ids.js';

/**
 * How the columns of an imported table map onto the fields of an action, and how
 * printed names map onto organisations. A mapping is plain data: the CLI saves it
 * as a JSON file and the next quarter's import reads it back.
 */

export const IMPORT_FIELDS = [
  'ref',
  'title',
  'objective',
  'milestones',
  'timescale',
  'lead',
  'progress',
  'localOutcome',
  'localTarget',
  'frequencySource',
  'output',
  'yearBand',
  'nationalAims',
  'nationalOutcomes',
  'frameworkOutcomes',
  'priority',
  'actionPriority',
  /** A column per year ("Year 1 2013"): each filled cell is an action for that year. */
  'yearColumn',
  'ignore',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);

/** Headings are compared folded: lower case, punctuation and repeated spaces removed. */
export function foldHeading(heading: string): string {
  return heading
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export const ImportMapping = z
  .object({
    name: z.string().trim().min(1).default('unnamed mapping'),
    /** Heading as printed (folded on use) -> field. */
    columns: z.record(z.string().min(1), ImportFieldSchema).default({}),
    /** Printed organisation name -> organisation id, or null for "no organisation" (a vague lead). */
    organisations: z.record(z.string().min(1), NodeId.nullable()).default({}),
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMapping>;

/** What to call the plan the rows belong to. */
export const ImportPlanOptions = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be lower case letters, digits and hyphens, e.g. lcja-2011')
      .max(60),
    title: z.string().trim().min(1).optional(),
    body: z.string().trim().min(1).optional(),
    period: z.string().trim().min(1).optional(),
    planType: z.enum(['area plan', 'action plan', 'progress report', 'strategic plan', 'board report']).optional(),
    /** The reporting period of progress columns, e.g. "July-September 2010". */
    progressPeriod: z.string().trim().min(1).optional(),
  })
  .strict();
export type ImportPlanOptions = z.infer<typeof ImportPlanOptions>;
