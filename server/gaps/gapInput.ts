import { BASES, basesOfClass, type GapBasisChoice, type GapCatalogueEntry, type GapParams, type GapResponse } from '../../model/index.js';
import type { GraphStore } from '../store/port.js';

/**
 * What a gap analysis is run with: its parameters as the catalogue describes them, the
 * input a request's parameters become, and the summary line's words for the plan and basis.
 */

/** `planName`: the chosen plan's short name, for the summary line (a user never sees the id). `bases`: the link bases counted. */
export type GapInput = { plan: string; asOf: string; threshold: number; basis: GapBasisChoice; bases: string[]; planName?: string };
export type GapResult = Omit<GapResponse, 'id' | 'title' | 'input'>;
export type Analysis = GapCatalogueEntry & { run(store: GraphStore, input: GapInput): Promise<GapResult> };

export const PLAN = { name: 'plan', type: 'plan', description: 'limit the analysis to one plan (its id); all plans when left out' } as const;
export const AS_OF = { name: 'asOf', type: 'date', description: 'the date to judge lateness by (YYYY-MM-DD); today when left out' } as const;
export const THRESHOLD = {
  name: 'threshold',
  type: 'number',
  description: 'how alike two action texts must be, from 0 (anything) to 1 (the same words)',
  default: 0.35,
} as const;

export const BASIS = {
  name: 'basis',
  type: 'basis',
  description: 'all: every link, whether printed, inferred by curation or added by an edit; printed: only the links (and due dates) the documents print',
  default: 'all',
  values: ['all', 'printed'],
} as const;

/** The basis values a run counts: every one, or the printed ones. Queries take them as $bases. */
export function basesFor(choice: GapBasisChoice): string[] {
  return choice === 'printed' ? basesOfClass('printed') : [...BASES];
}

const DEFAULT_THRESHOLD = 0.35;
export const defaultGapInput = (params: GapParams): GapInput => ({
  plan: params.plan ?? '',
  asOf: params.asOf ?? new Date().toISOString().slice(0, 10),
  threshold: params.threshold ?? DEFAULT_THRESHOLD,
  basis: params.basis ?? 'all',
  bases: basesFor(params.basis ?? 'all'),
});

/** " in LCJA 2008" or " across all plans": the plan by its short name, never its id; and whether only printed links count. */
export const inPlan = (input: GapInput) => (input.plan ? ` in ${input.planName ?? 'the chosen plan'}` : ' across all plans') + (input.basis === 'printed' ? ', counting printed links only' : '');
