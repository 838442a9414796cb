/**
 * Closed vocabularies of the domain. Each list is the single place its values
 * are named; the types, the zod enums and the UI filters are derived from it.
 */

export const PLAN_TYPES = ['area plan', 'action plan', 'progress report', 'strategic plan', 'board report'] as const;

export const ORGANISATION_TYPES = ['community justice authority', 'local authority', 'statutory partner', 'third sector', 'partnership or group', 'government', 'other'] as const;

/** Normalised progress status; the wording as printed is kept beside it. */
export const STATUSES = ['not started', 'on target', 'part complete', 'complete', 'ongoing', 'not required', 'delayed', 'at risk', 'unknown'] as const;

/** Statuses after which an action is no longer counted as outstanding. */
export const FINISHED_STATUSES = ['complete', 'not required'] as const;

export const PRIORITY_TYPES = ['key priority', 'strategic priority', 'partner priority', 'strategic challenge', 'theme', 'review theme', 'key objective'] as const;

export const FRAMEWORK_GROUPS = ['communities', 'offenders', 'system'] as const;

export const EVENT_TYPES = ['seminar', 'conference', 'planning event', 'surgery', 'development session', 'consultation', 'review', 'meeting'] as const;

/**
 * On what basis a relationship, a status or a derived date exists: printed in the
 * document, inferred by curation, or added by an edit. One fixed vocabulary for every
 * relationship type (the `linkBasis` property), every status (`statusBasis`) and every
 * derived due date (`dueDateBasis`); each value belongs to exactly one class, so a
 * reader can always ask "does the plan say so, or did we work it out?".
 *
 * - printed in the same row: the cell of the item's own table row says it
 * - printed heading: the heading the item stands under says it (an Outcome box, a section title)
 * - printed number: the document prints the outcome's or aim's number or code
 * - printed in the text: a sentence of the document states it (membership, a request, a lead)
 * - exact wording / near-exact wording: curation matched the document's words to an outcome's wording
 * - document structure: curation read it from the layout (a merged cell, a pairing by position,
 *   a copy from another section, the end of a year band)
 * - from context: curation identified a body the document names only generically ("the Police"
 *   in an area plan read as that area's force)
 * - narrative: curation read it from prose that does not state it outright (a progress narrative
 *   with no status word, an explanatory paragraph)
 * - added by an edit: a person added or changed it in Golden Thread
 */
export const BASIS_CLASS_OF = {
  'printed in the same row': 'printed',
  'printed heading': 'printed',
  'printed number': 'printed',
  'printed in the text': 'printed',
  'exact wording': 'inferred',
  'near-exact wording': 'inferred',
  'document structure': 'inferred',
  'from context': 'inferred',
  narrative: 'inferred',
  'added by an edit': 'edit',
} as const;

export const BASIS_CLASSES = ['printed', 'inferred', 'edit'] as const;

/** Every basis value, in the order above. */
export const BASES = Object.keys(BASIS_CLASS_OF) as (keyof typeof BASIS_CLASS_OF)[];
/** The values a link may carry; the same list as BASES (kept under its old name for the SERVES code). */
export const LINK_BASES = BASES as unknown as readonly [Basis, ...Basis[]];
/** The basis every edit carries. */
export const EDIT_BASIS = 'added by an edit' satisfies Basis;

export type Basis = keyof typeof BASIS_CLASS_OF;
export type BasisClass = (typeof BASIS_CLASSES)[number];

/** The class (printed, inferred, edit) of a basis value. */
export function basisClass(basis: Basis): BasisClass {
  return BASIS_CLASS_OF[basis];
}

/** The basis values of one class, e.g. for "printed links only" filters in queries. */
export function basesOfClass(cls: BasisClass): Basis[] {
  return BASES.filter((b) => BASIS_CLASS_OF[b] === cls);
}

export type PlanType = (typeof PLAN_TYPES)[number];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export type PriorityType = (typeof PRIORITY_TYPES)[number];
export type FrameworkGroup = (typeof FRAMEWORK_GROUPS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type LinkBasis = Basis;
