import type { FieldValue } from '../../model/changes.js';

/**
 * The ways a change is refused besides bad input (ValidationError, 400): a stale
 * version or a later change in the way (409, with the current values), an unknown id
 * (404), a role or an organisation that may not make it (403). Nothing is written.
 */

/** What a node looks like now, for the author of a stale change to compare with. */
export type CurrentValues = { id: string; kind: string; version: number; props: Record<string, FieldValue> };

export class ConflictError extends Error {
  constructor(
    message: string,
    readonly issues: { field: string; reason: string }[],
    readonly current: CurrentValues[],
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(
    message: string,
    readonly issues: { field: string; reason: string }[] = [],
  ) {
    super(message);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends Error {
  constructor(
    message: string,
    readonly issues: { field: string; reason: string }[] = [],
  ) {
    super(message);
    this.name = 'ForbiddenError';
  }
}
