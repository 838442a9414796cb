/**
 * What the interpreter reads out of the tables, before anything is matched to
 * the graph: actions with the text of each mapped cell, and the local outcomes
 * and priorities the tables' headings and section rows name.
 */

export type Place = { table: string; rows: [number, number] };

/** A national outcome named by the heading a table stands under ("National Outcome 9: ..."). */
export type HeadingOutcome = { number: number; printed: string };

export type LocalOutcomeRecord = {
  key: string;
  ref?: string;
  title: string;
  place: Place;
  quote: string;
  priorityKey?: string;
  headingOutcome?: HeadingOutcome;
};

export type PriorityRecord = {
  key: string;
  ref?: string;
  title: string;
  place: Place;
  quote: string;
  priorityType: 'key priority' | 'strategic priority';
};

export type ActionRecord = {
  key: string;
  place: Place;
  quote: string;
  ref: string;
  title: string;
  objective?: string;
  section?: string;
  output?: string;
  localTarget?: string;
  frequencySource?: string;
  timescale?: string;
  yearBand?: string;
  lead?: string;
  progress?: string;
  milestones: string[];
  nationalAims?: string;
  nationalOutcomes?: string;
  frameworkOutcomes?: string;
  localOutcomeKey?: string;
  /** Whether the local outcome is printed in the action's own row (else it stands above it). */
  localOutcomeInRow: boolean;
  priorityKey?: string;
  headingOutcome?: HeadingOutcome;
};

export type RowProblem = { table: string; row: number; column?: string; reason: string };

export type Interpretation = {
  actions: ActionRecord[];
  localOutcomes: LocalOutcomeRecord[];
  priorities: PriorityRecord[];
  problems: RowProblem[];
  /** Headings no field was found for, with the table and row they stand in. */
  unrecognisedHeadings: { table: string; row: number; heading: string }[];
  /** Every heading recognised, and how, for the preview. */
  recognisedHeadings: { heading: string; field: string; how: string }[];
};
