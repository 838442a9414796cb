import { z } from 'zod';
import { BASES, EVENT_TYPES, FRAMEWORK_GROUPS, ORGANISATION_TYPES, PLAN_TYPES, PRIORITY_TYPES, STATUSES } from './vocabulary.js';

/**
 * The node kinds of the golden thread and the properties each one holds.
 * These schemas are the single source of truth: the TypeScript types, the API
 * validation, the LadybugDB tables and the Neo4j constraints are derived from them.
 *
 * Property rules that keep both engines happy: flat values only (string, integer,
 * number, boolean, list of strings); dates as ISO `YYYY-MM-DD` strings so that they
 * compare the same way everywhere.
 */

const text = z.string().trim().min(1, 'must not be empty');
const optionalText = text.optional();
const isoDate = z.iso.date();
const textList = z.array(text);

export const PlanProps = z
  .object({
    title: text,
    body: text.describe('the publishing body as printed'),
    period: text.describe('e.g. 2011-14'),
    planType: z.enum(PLAN_TYPES),
    sourceFile: text,
    vision: optionalText,
    mission: optionalText,
    aims: textList.optional(),
    values: textList.optional(),
    coreBusiness: textList.optional(),
  })
  .strict();

/** "<source file>: <alias>": an alias that means this organisation in that document only (see organisationAliases.ts). */
export const DOCUMENT_ALIAS_PATTERN = /^([a-z0-9][a-z0-9.-]*\.txt): (\S.*)$/;

export const OrganisationProps = z
  .object({
    name: text,
    aliases: textList.default([]),
    documentAliases: z
      .array(z.string().regex(DOCUMENT_ALIAS_PATTERN, 'must read "<source file>.txt: <alias>", e.g. "lanarkshire-cja-q2-progress-2010.txt: CJSW"'))
      .optional()
      .describe('aliases that mean this organisation only in the document named: "CJA" in each CJA\'s own plan, "CJSW" in Glasgow\'s'),
    orgType: z.enum(ORGANISATION_TYPES),
    description: optionalText,
    remit: textList.optional().describe('for groups: what they are set up to do'),
  })
  .strict();

export const ActionProps = z
  .object({
    ref: z.string().trim().describe('the reference number as printed; empty where the row has none'),
    title: text.describe('the aim or the action text'),
    objective: optionalText,
    section: optionalText.describe('the heading the action stands under'),
    output: optionalText.describe('an output imported as text; the seed models outputs as Output nodes the action DELIVERS'),
    localTarget: optionalText,
    frequencySource: optionalText,
    timescale: optionalText.describe('as printed'),
    dueDate: isoDate.optional().describe('parsed from the timescale where the text allows'),
    yearBand: optionalText.describe('e.g. 1, 1-3 or 2014'),
    leadAsPrinted: optionalText,
    leadVague: z.boolean().default(false),
    status: z.enum(STATUSES).optional().describe('the latest progress status'),
    statusBasis: z.enum(BASES).optional().describe('whether the status word is printed or read from the narrative'),
    dueDateBasis: z.enum(BASES).optional().describe('whether the due date is printed (a month or date) or inferred (the end of a year band)'),
  })
  .strict();

export const ProgressUpdateProps = z
  .object({
    period: text.describe('e.g. 2008-09 Q2 or July-September 2010'),
    asOf: isoDate.optional(),
    status: z.enum(STATUSES),
    statusAsPrinted: optionalText,
    statusBasis: z.enum(BASES).describe('printed in the same row where the document prints a status word; narrative where curation read it'),
    narrative: text,
    scope: optionalText.describe('the part of the area the note speaks for, e.g. SLC or NLC'),
  })
  .strict();

export const MilestoneProps = z
  .object({
    text,
    timescale: optionalText,
    dueDate: isoDate.optional(),
    dueDateBasis: z.enum(BASES).optional(),
    leadAsPrinted: optionalText.describe('the lead the document pairs with this milestone, where it pairs one'),
    leadVague: z.boolean().optional(),
    status: z.enum(STATUSES).optional().describe("the milestone's own status, where the document gives one"),
    statusAsPrinted: optionalText,
    statusBasis: z.enum(BASES).optional(),
  })
  .strict();

export const LocalOutcomeProps = z
  .object({
    title: text,
    ref: optionalText,
  })
  .strict();

export const PriorityProps = z
  .object({
    title: text,
    ref: optionalText,
    priorityType: z.enum(PRIORITY_TYPES),
    description: optionalText,
    details: textList.optional(),
  })
  .strict();

export const NationalOutcomeProps = z
  .object({
    number: z.int().min(1).max(16),
    wording: text,
  })
  .strict();

export const StrategicAimProps = z
  .object({
    number: z.int().min(1).max(4),
    title: text,
    overview: optionalText,
    keyObjectives: textList.default([]),
  })
  .strict();

export const FrameworkOutcomeProps = z
  .object({
    code: z.string().regex(/^[COS][1-9]$/, 'must be a code such as C1, O9 or S7'),
    outcomeGroup: z.enum(FRAMEWORK_GROUPS).describe('outcomes for communities, for offenders, or in the system'),
    wording: text,
  })
  .strict();

export const IndicatorProps = z
  .object({
    measure: text,
    /** Where the measure started. No source document prints one; a planner enters it (migration 50 adds the column). */
    baseline: optionalText,
    target: optionalText,
    actual: optionalText,
    nextTarget: optionalText,
    period: optionalText,
  })
  .strict();

export const EventProps = z
  .object({
    title: text,
    eventType: z.enum(EVENT_TYPES),
    date: isoDate.optional(),
    delegates: z.int().min(0).optional(),
    description: optionalText,
    themes: textList.optional(),
  })
  .strict();

export const FundingProps = z
  .object({
    title: text,
    amountGbp: z.number().min(0).optional(),
    period: optionalText,
    announced: isoDate.optional(),
    purpose: optionalText,
    details: textList.optional(),
  })
  .strict();

/**
 * A named programme, service or assessment system that partners deliver and actions use
 * (CSOGP, Constructs, Caledonian, LS/CMI, the 218 Service): not an organisation, and more
 * than a funding detail. `aliases` are the other spellings the documents print.
 */
export const ProgrammeProps = z
  .object({
    name: text,
    aliases: textList.default([]),
    description: optionalText,
  })
  .strict();

/**
 * A Lothian & Borders output ("2.3.1 Have range of resources available..."): the numbered
 * middle tier between an outcome and its actions. Actions DELIVER it; it SERVES its outcome.
 */
export const OutputProps = z
  .object({
    ref: text.describe('the output number as printed, e.g. 2.3.1'),
    title: text,
  })
  .strict();

/** Every node kind with its property schema; order is the order of the legend. */
export const NODE_SCHEMAS = {
  Plan: PlanProps,
  Organisation: OrganisationProps,
  Action: ActionProps,
  Milestone: MilestoneProps,
  ProgressUpdate: ProgressUpdateProps,
  LocalOutcome: LocalOutcomeProps,
  Priority: PriorityProps,
  StrategicAim: StrategicAimProps,
  FrameworkOutcome: FrameworkOutcomeProps,
  NationalOutcome: NationalOutcomeProps,
  Indicator: IndicatorProps,
  Event: EventProps,
  Funding: FundingProps,
  Programme: ProgrammeProps,
  Output: OutputProps,
} as const;

export type NodeKind = keyof typeof NODE_SCHEMAS;
export const NODE_KINDS = Object.keys(NODE_SCHEMAS) as NodeKind[];
export const NodeKindSchema = z.enum(NODE_KINDS as [NodeKind, ...NodeKind[]]);

export type NodePropsOf<K extends NodeKind> = z.infer<(typeof NODE_SCHEMAS)[K]>;

/** The property that names a node of each kind in lists, labels and search. */
export const LABEL_PROPERTY: Record<NodeKind, string> = {
  Plan: 'title',
  Organisation: 'name',
  Action: 'title',
  Milestone: 'text',
  ProgressUpdate: 'narrative',
  LocalOutcome: 'title',
  Priority: 'title',
  StrategicAim: 'title',
  FrameworkOutcome: 'wording',
  NationalOutcome: 'wording',
  Indicator: 'measure',
  Event: 'title',
  Funding: 'title',
  Programme: 'name',
  Output: 'title',
};

/** The property that holds a printed reference (number or code), where a kind has one. */
export const REFERENCE_PROPERTY: Partial<Record<NodeKind, string>> = {
  Action: 'ref',
  LocalOutcome: 'ref',
  Priority: 'ref',
  NationalOutcome: 'number',
  StrategicAim: 'number',
  FrameworkOutcome: 'code',
  Output: 'ref',
};
