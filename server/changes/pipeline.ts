import type { ChangeDiff, ChangeOrigin, ChangeRequestInput, ChangeOperationInput } from '../../model/changes.js';
import type { Actor } from '../../model/roles.js';
import type { GraphStore } from '../store/port.js';
import type { ChangeBus } from './bus.js';

/**
 * The one way anything is written to the graph: validate the operations against the
 * domain model, plan them against the current graph into a before/after diff, commit
 * the diff in one transaction with its actor, reason and the versions the author saw,
 * write the audit entry in that same transaction, and announce the commit on the bus.
 *
 * Errors: ValidationError (server/graph/validationError.ts, 400, every field path
 * named), ConflictError (409, with the current values), NotFoundError (404),
 * ForbiddenError (403) from server/changes/errors.ts. Nothing is written in any of them.
 */

export type SubmitResult = { changeId: string; committed: boolean; diff: ChangeDiff };

export type SubmitOptions = {
  /**
   * Seed and import only: `create` of a node that exists replaces its properties
   * (an update in the diff, or nothing when they are the same) instead of a 400.
   */
  upsert?: boolean;
};

export class ChangePipeline {
  constructor(
    readonly store: GraphStore,
    readonly bus: ChangeBus,
  ) {}

  /** The diff the operations would make now, without writing anything. */
  async plan(_operations: ChangeOperationInput[], _actor: Actor): Promise<ChangeDiff> {
    throw new Error('ChangePipeline.plan: not implemented yet');
  }

  /** Validates, plans and commits a change (or only plans it when dryRun is true). */
  async submit(_request: ChangeRequestInput, _actor: Actor, _origin: ChangeOrigin = { kind: 'edit' }, _options: SubmitOptions = {}): Promise<SubmitResult> {
    throw new Error('ChangePipeline.submit: not implemented yet');
  }

  /** Commits the inverse of a committed change as a new change (origin revert); 409 naming the fields a later change touched. */
  async revert(_changeId: string, _actor: Actor, _reason?: string): Promise<SubmitResult> {
    throw new Error('ChangePipeline.revert: not implemented yet');
  }
}
