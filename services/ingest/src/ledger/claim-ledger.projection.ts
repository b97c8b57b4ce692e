import { storedResultFacets, type StoredResult } from '@claimflow/contracts';
import { foldClaim, serviceDatesOf, storedClaimState, type Claim, type ClaimEvent, type ClaimLifecycleState } from '@claimflow/domain';
import type { OutboxMessage } from '../outbox/outbox-message';
import type { Decision, LedgerEntry, NewClaim, RejectedEntry } from './claim-ledger.types';

/** What a run of events sets on a ledger row besides its status: which timestamps, and the documents it records. */
interface Columns {
  normalized: boolean;
  validated: boolean;
  priced: boolean;
  rejected: boolean;
  result?: unknown;
  errors?: unknown;
  replacedBy?: string;
}

/** The one projection from the lifecycle's events to the ledger's columns. */
function columnsOf(events: readonly ClaimEvent[]): Columns {
  const columns: Columns = { normalized: false, validated: false, priced: false, rejected: false };
  for (const event of events) {
    switch (event.type) {
      case 'ClaimReceived':
        break;
      case 'ClaimNormalized':
        columns.normalized = true;
        break;
      case 'ClaimValidated':
        columns.validated = true;
        columns.result = event.result;
        break;
      case 'ClaimPriced':
        // The pricing result carries the validation it priced: validated_at is set too, when it is not yet.
        columns.validated = true;
        columns.priced = true;
        columns.result = event.result;
        break;
      case 'ClaimRejected':
        columns.rejected = true;
        columns.errors = event.errors;
        break;
      case 'ClaimReplaced':
      case 'ClaimVoided':
        columns.replacedBy = event.by;
        break;
      default:
        return event satisfies never;
    }
  }
  return columns;
}

/**
 * The list facets of a result the events record (edit_codes, denied), from the domain: written with the result, so
 * Postgres computes nothing per row (migration 20261206120000_ledger_facets). Absent without a result.
 */
const facetsOf = (result: unknown) => (result ? storedResultFacets(result as StoredResult) : undefined);

/** The status a recorded claim has: the lifecycle's fold of its events (a recorded claim is never unknown). */
function recordedStatus(events: readonly ClaimEvent[], from?: ClaimLifecycleState): string {
  const state = foldClaim(events, from);
  if (state.status === 'unknown') throw new Error('a recorded claim must have a status');
  return state.status;
}

/** A decision on a recorded claim as a row of APPLY_DECISIONS: the state it was taken on (its guard) and what it sets. */
export function decisionRow({ claimId, from, events }: Decision) {
  const columns = columnsOf(events);
  const facets = facetsOf(columns.result);
  return {
    id: claimId,
    from_status: from.status,
    // Absent keys read as SQL NULL (a JSON null would be the jsonb value null).
    from_replaced: 'replacedBy' in from ? from.replacedBy : undefined,
    from_validated: 'validated' in from && from.validated === true,
    status: recordedStatus(events, from),
    normalized: columns.normalized,
    validated: columns.validated,
    priced: columns.priced,
    rejected: columns.rejected,
    result: columns.result,
    edit_codes: facets?.editCodes,
    denied: facets?.denied,
    errors: columns.errors,
    replaced_by: columns.replacedBy,
  };
}

/** A new claim as a row of INSERT_CLAIMS_AND_OUTBOX (timestamps as ISO text, JSON documents as they are). */
export function newClaimRow({ entry, claim, events }: NewClaim, now: Date) {
  const columns = columnsOf(events);
  const at = (set: boolean) => (set ? now.toISOString() : null);
  const dates = claim ? serviceDatesOf(claim as Claim) : undefined;
  const facets = facetsOf(columns.result);
  return {
    ...entryRow(entry),
    status: recordedStatus(events),
    normalized_at: at(columns.normalized),
    validated_at: at(columns.validated),
    priced_at: at(columns.priced),
    rejected_at: at(columns.rejected),
    claim: claim ?? null,
    service_from: dates?.from ?? null,
    service_to: dates?.to ?? null,
    result: columns.result ?? null,
    edit_codes: facets?.editCodes ?? [],
    denied: facets?.denied ?? null,
    errors: columns.errors ?? null,
  };
}

/** newClaimRow as JSON text, with the claim's own JSON (`claimJson`, when intake wrote it) taken as it is. */
export function newClaimRowJson(c: NewClaim, now: Date): string {
  const { claim, ...row } = newClaimRow(c, now);
  if (c.claimJson === undefined || claim === null) return JSON.stringify({ ...row, claim });
  return `${JSON.stringify(row).slice(0, -1)},"claim":${c.claimJson}}`;
}

/**
 * A message owed as a row of INSERT_CLAIMS_AND_OUTBOX. A payload that is `{ type, claim }` with the very claim the same
 * statement records (`recorded`: each such claim object and its id) names it instead (payload_type, payload_claim):
 * Postgres builds the same JSON from the claim it inserts, so the claim, the largest part of both rows, is serialised
 * and sent once.
 */
export function outboxRow(m: OutboxMessage, recorded: ReadonlyMap<unknown, string>) {
  const row = { message_id: m.messageId, topic: m.topic, message_key: m.key, envelope: m.envelope };
  const { type, claim, ...rest } = m.payload as { type?: unknown; claim?: unknown };
  const id = typeof type === 'string' && Object.keys(rest).length === 0 ? recorded.get(claim) : undefined;
  return id ? { ...row, payload_type: type, payload_claim: id } : { ...row, payload: m.payload };
}

/** A claim rejected at intake as a row of INSERT_REJECTED; the errors are the bounded list its submitter was answered with. */
export function rejectedRow({ entry, events, errors }: RejectedEntry) {
  return { ...entryRow(entry), status: recordedStatus(events), errors };
}

/** A new claim's identity columns, named as in the table. */
const entryRow = (entry: LedgerEntry) => ({
  id: entry.id,
  submitter_id: entry.submitterId,
  submitter_claim_id: entry.submitterClaimId,
  content_hash: entry.contentHash,
  format: entry.format,
  frequency_code: entry.frequencyCode,
  correlation_id: entry.correlationId,
});

/** A row's lifecycle state columns, read back through the domain (a status it does not know is an error). */
export const stateOfRow = (row: { status: string; replaced_by: string | null; validated: boolean }): ClaimLifecycleState =>
  storedClaimState({ status: row.status, replacedBy: row.replaced_by, validated: row.validated });
