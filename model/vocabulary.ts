/**
 * Closed vocabularies of the domain. Each list is the single place its values
 * are named; the types, the zod enums and the UI filters are derived from it.
 */

export const PLAN_TYPES = ['area plan', 'action plan', 'progress report', 'strategic plan', 'board report'] as const;

export const ORGANISATION_TYPES = [
  'community justice authority',
  'local authority',
  'statutory partner',
  'third sector',
  'partnership or group',
  'government',
  'other',
] as const;

/** Normalised progress status; the wording as printed is kept beside it. */
export const STATUSES = [
  'not started',
  'on target',
  'part complete',
  'complete',
  'ongoing',
  'not required',
  'delayed',
  'at risk',
  'unknown',
] as const;

/** Statuses after which an action is no longer counted as outstanding. */
export const FINISHED_STATUSES = ['complete', 'not required'] as const;

export const PRIORITY_TYPES = [
  'key priority',
  'strategic priority',
  'partner priority',
  'strategic challenge',
  'theme',
  'review theme',
] as const;

export const FRAMEWORK_GROUPS = ['communities', 'offenders', 'system'] as const;

export const EVENT_TYPES = [
  'seminar',
  'conference',
  'planning event',
  'surgery',
  'development session',
  'consultation',
  'review',
  'meeting',
] as const;

/** Why an action or outcome is linked to what it serves; a link is never guessed. */
export const LINK_BASES = [
  'printed in the same row',
  'printed heading',
  'printed number',
  'exact wording',
  'near-exact wording',
  'document structure',
] as const;

export type PlanType = (typeof PLAN_TYPES)[number];
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];
export type Status = (typeof STATUSES)[number];
export type PriorityType = (typeof PRIORITY_TYPES)[number];
export type FrameworkGroup = (typeof FRAMEWORK_GROUPS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type LinkBasis = (typeof LINK_BASES)[number];
