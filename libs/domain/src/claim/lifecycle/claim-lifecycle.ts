import { replay, type Decider } from '../../shared/decider';
import { err, ok, type Result } from '../../shared/result';

/**
 * A claim's lifecycle, from intake to its one final result:
 *
 *   received ─> normalized ─> validated ─> priced
 *      │            │             │
 *      └────────────┴─────────────┴──────> rejected
 *
 * and, when a later submission (frequency 7 or 8) supersedes it before it is final, replaced or voided.
 * priced, rejected, replaced and voided are final: nothing moves a claim out of them. Validation and pricing results
 * travel on different topics with no order between them. A pricing result carries the validation it priced, so a
 * priced claim is validated too: a validation arriving after its claim was priced changes nothing (ingest holds
 * validations back for a few seconds so that, while pricing keeps up, they do, and the ledger row is written once).
 */
export const CLAIM_LIFECYCLE_STATUSES = ['received', 'normalized', 'validated', 'priced', 'rejected', 'replaced', 'voided'] as const;
export type ClaimLifecycleStatus = (typeof CLAIM_LIFECYCLE_STATUSES)[number];
export type FinalClaimStatus = 'priced' | 'rejected' | 'replaced' | 'voided';
export const FINAL_CLAIM_STATUSES: ReadonlySet<ClaimLifecycleStatus> = new Set<FinalClaimStatus>([
  'priced',
  'rejected',
  'replaced',
  'voided',
]);

const STATUSES: ReadonlySet<string> = new Set(CLAIM_LIFECYCLE_STATUSES);
export const isClaimLifecycleStatus = (status: string): status is ClaimLifecycleStatus => STATUSES.has(status);
export const isFinalStatus = (status: string): status is FinalClaimStatus => (FINAL_CLAIM_STATUSES as ReadonlySet<string>).has(status);

/**
 * Whether a validation result can change nothing for a claim in this state, now or whatever happens to it later: a
 * priced claim is validated (its pricing carried the validation), stays priced (final; a supersession keeps its
 * result), and a validation of it is decided as no events at all. Ingest does not even read such a validation.
 */
export const validationSettled = (state: ClaimLifecycleState): boolean => state.status === 'priced';

export type ClaimLifecycleState =
  | { readonly status: 'unknown' }
  | {
      readonly status: ClaimLifecycleStatus;
      readonly replacedBy?: string;
      /** A validation result is on record (its status may have moved on: priced before the validation arrived). */
      readonly validated?: true;
    };

/** What a result may carry; opaque to the lifecycle. */
export type ClaimResultBody = object;

export type ClaimCommand =
  | { readonly type: 'RecordIntakeRejection'; readonly errors: readonly object[] }
  | { readonly type: 'RecordNormalized' }
  | { readonly type: 'RecordValidation'; readonly result: ClaimResultBody }
  | { readonly type: 'RecordPricing'; readonly result: ClaimResultBody }
  | { readonly type: 'RecordRejection'; readonly errors: readonly object[] }
  | { readonly type: 'Supersede'; readonly by: string; readonly kind: 'replace' | 'void' };

export type ClaimEvent =
  | { readonly type: 'ClaimReceived' }
  | { readonly type: 'ClaimNormalized' }
  | { readonly type: 'ClaimValidated'; readonly result: ClaimResultBody }
  | { readonly type: 'ClaimPriced'; readonly result: ClaimResultBody }
  | { readonly type: 'ClaimRejected'; readonly errors: readonly object[] }
  | { readonly type: 'ClaimReplaced'; readonly by: string }
  | { readonly type: 'ClaimVoided'; readonly by: string };

/** Why a command does not apply. Stable codes: callers log and count them, never echo claim contents. */
export type ClaimLifecycleErrorCode = 'UNKNOWN_CLAIM' | 'ALREADY_RECORDED' | 'ALREADY_FINAL' | 'DUPLICATE_RESULT' | 'ALREADY_SUPERSEDED';
export interface ClaimLifecycleError {
  readonly code: ClaimLifecycleErrorCode;
  readonly status: ClaimLifecycleState['status'];
}

type Decision = Result<readonly ClaimEvent[], ClaimLifecycleError>;

const refuse = (code: ClaimLifecycleErrorCode, state: ClaimLifecycleState): Decision => err({ code, status: state.status });

function assertNever(value: never): never {
  throw new Error(`unhandled case ${JSON.stringify(value)}`);
}

function decide(command: ClaimCommand, state: ClaimLifecycleState): Decision {
  const known = state.status !== 'unknown';
  const final = isFinalStatus(state.status);
  switch (command.type) {
    case 'RecordIntakeRejection':
      if (known) return refuse('ALREADY_RECORDED', state);
      return ok([{ type: 'ClaimReceived' }, { type: 'ClaimRejected', errors: command.errors }]);
    case 'RecordNormalized':
      if (known) return refuse('ALREADY_RECORDED', state);
      return ok([{ type: 'ClaimReceived' }, { type: 'ClaimNormalized' }]);
    case 'RecordValidation':
      if (!known) return refuse('UNKNOWN_CLAIM', state);
      // The pricing (which follows validation, and carries it) arrived first: the validation is on record already.
      if (state.status === 'priced') return ok([]);
      if (state.status === 'validated' || ('validated' in state && state.validated)) return refuse('DUPLICATE_RESULT', state);
      if (final) return refuse('ALREADY_FINAL', state);
      return ok([{ type: 'ClaimValidated', result: command.result }]);
    case 'RecordPricing':
      if (!known) return refuse('UNKNOWN_CLAIM', state);
      if (final) return refuse('ALREADY_FINAL', state);
      // Validation and pricing results travel on different topics: pricing may well arrive first.
      return ok([{ type: 'ClaimPriced', result: command.result }]);
    case 'RecordRejection':
      if (!known) return refuse('UNKNOWN_CLAIM', state);
      if (final) return refuse('ALREADY_FINAL', state);
      return ok([{ type: 'ClaimRejected', errors: command.errors }]);
    case 'Supersede':
      if (!known) return refuse('UNKNOWN_CLAIM', state);
      if ('replacedBy' in state && state.replacedBy) return refuse('ALREADY_SUPERSEDED', state);
      return ok([command.kind === 'void' ? { type: 'ClaimVoided', by: command.by } : { type: 'ClaimReplaced', by: command.by }]);
    default:
      return assertNever(command);
  }
}

function evolve(state: ClaimLifecycleState, event: ClaimEvent): ClaimLifecycleState {
  const replacedBy = 'replacedBy' in state ? state.replacedBy : undefined;
  const validated = 'validated' in state && state.validated ? true : undefined;
  const moveTo = (status: ClaimLifecycleStatus, nowValidated = validated): ClaimLifecycleState => ({
    status,
    ...(replacedBy ? { replacedBy } : {}),
    ...(nowValidated ? { validated: nowValidated } : {}),
  });
  switch (event.type) {
    case 'ClaimReceived':
      return moveTo('received');
    case 'ClaimNormalized':
      return moveTo('normalized');
    case 'ClaimValidated':
      return moveTo('validated', true);
    case 'ClaimPriced':
      // The pricing result carries the validation it priced.
      return moveTo('priced', true);
    case 'ClaimRejected':
      return moveTo('rejected');
    case 'ClaimReplaced':
    case 'ClaimVoided': {
      // A claim already final keeps its result; one still in flight ends here.
      const status = isFinalStatus(state.status) ? state.status : event.type === 'ClaimVoided' ? 'voided' : 'replaced';
      return { status, replacedBy: event.by, ...(validated ? { validated } : {}) };
    }
    default:
      return assertNever(event);
  }
}

export const claimLifecycle: Decider<ClaimCommand, ClaimLifecycleState, ClaimEvent, ClaimLifecycleError> = {
  initialState: () => ({ status: 'unknown' }),
  decide,
  evolve,
};

/** The state these events lead to, from `from` (a claim never seen, when not given): the lifecycle's one fold. */
export const foldClaim = (events: readonly ClaimEvent[], from?: ClaimLifecycleState): ClaimLifecycleState =>
  replay(claimLifecycle, events, from);

/** A stored claim as the lifecycle sees it; a status the lifecycle does not know is an error, never cast into one. */
export function storedClaimState(row: {
  readonly status: string;
  readonly replacedBy?: string | null;
  readonly validated?: boolean;
}): ClaimLifecycleState {
  if (!isClaimLifecycleStatus(row.status)) throw new Error(`not a claim lifecycle status: ${JSON.stringify(row.status)}`);
  return { status: row.status, ...(row.replacedBy ? { replacedBy: row.replacedBy } : {}), ...(row.validated ? { validated: true } : {}) };
}
