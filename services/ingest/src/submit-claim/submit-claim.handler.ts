import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { boundErrors, decodeClaims, ErrorBudget, type Claim, type DecodedClaim, type FieldError } from '@claimflow/domain';
import { TOPICS, childEnvelope, rootEnvelope, type ClaimNormalizedV1, type Envelope } from '@claimflow/contracts';
import { EventPublisher } from '@claimflow/kafka';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { ClaimLedgerRepository, rejectionKey, type LedgerEntry, type RejectedEntry } from '../ledger/claim-ledger.repository';
import type { IntakeFormat, SubmissionOutcome } from './submission';

export interface SubmitCommand {
  readonly format: IntakeFormat;
  readonly payload: unknown;
  readonly submitterId?: string;
  /** The envelope of the message that carried the submission, when it came over Kafka. */
  readonly parent?: Envelope;
  readonly correlationId?: string;
}

interface Normalized {
  readonly claim: Claim;
  readonly entry: LedgerEntry;
  readonly envelope: Envelope;
}

/** Claims are recorded and published in batches: one query, one insert and one produce request each. */
const BATCH = 250;

/** Content identity of a claim: everything the submitter sent, minus the id we assigned. */
function contentHash(claim: Claim): string {
  const { claimId: _id, ...content } = claim;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

/** CLM01 is at most 38 characters; a longer or missing id is replaced by the claim's position. */
const MAX_SUBMITTER_CLAIM_ID = 38;

interface Rejection extends RejectedEntry {
  readonly index: number;
  readonly submitterClaimId?: string;
  readonly errors: readonly FieldError[];
  readonly omitted: number;
}

const submissionKey = (e: Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>) =>
  `${e.submitterId}\u0000${e.submitterClaimId}\u0000${e.contentHash}`;

@Injectable()
export class SubmitClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly publisher: EventPublisher,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  async submit(command: SubmitCommand): Promise<SubmissionOutcome> {
    const outcome: SubmissionOutcome = { format: command.format, accepted: [], rejected: [], errors: [] };
    const budget = new ErrorBudget();
    const rejections: Rejection[] = [];
    let batch: Normalized[] = [];
    const decoded = decodeClaims(command.format, command.payload, {
      submitterId: command.submitterId,
      newId: randomUUID,
      maxClaims: this.config.INGEST_MAX_CLAIMS,
    });
    for await (const item of decoded) {
      if ('submissionError' in item) this.submissionError(item.submissionError, budget, outcome);
      else if (!item.result.ok) rejections.push(this.rejection(item, item.result.error, command, budget));
      else batch.push(this.normalized(item.result.value, command));
      if (batch.length >= BATCH) {
        await this.accept(batch, outcome);
        batch = [];
      }
    }
    if (batch.length > 0) await this.accept(batch, outcome);
    await this.recordRejections(rejections, outcome);
    return outcome;
  }

  private submissionError(error: FieldError, budget: ErrorBudget, outcome: SubmissionOutcome): void {
    const { errors, omitted } = budget.take([error]);
    outcome.errors.push(...errors);
    if (omitted > 0) outcome.errorsOmitted = (outcome.errorsOmitted ?? 0) + omitted;
  }

  private envelope(command: SubmitCommand): Envelope {
    return command.parent ? childEnvelope(command.parent, 'ClaimNormalized.v1') : rootEnvelope('ClaimNormalized.v1', command.correlationId);
  }

  private normalized(claim: Claim, command: SubmitCommand): Normalized {
    const envelope = this.envelope(command);
    const entry: LedgerEntry = {
      id: claim.claimId,
      submitterId: claim.submitterId ?? command.submitterId ?? '',
      submitterClaimId: claim.submitterClaimId,
      contentHash: contentHash(claim),
      format: command.format,
      frequencyCode: claim.frequencyCode,
      correlationId: envelope.correlationId,
    };
    return { claim, entry, envelope };
  }

  /**
   * A rejected claim's ledger entry. Its identity is the submitter, the claim id and a hash of its
   * (bounded) errors, so the same bad claim sent again is the same rejection.
   */
  private rejection(item: DecodedClaim, errors: FieldError[], command: SubmitCommand, budget: ErrorBudget): Rejection {
    const id = item.submitterClaimId;
    const submitterClaimId = id !== undefined && id.length > 0 && id.length <= MAX_SUBMITTER_CLAIM_ID ? id : undefined;
    const answered = budget.take(errors);
    const entry: LedgerEntry = {
      id: randomUUID(),
      submitterId: command.submitterId ?? '',
      submitterClaimId: submitterClaimId ?? `#${item.index}`,
      contentHash: createHash('sha256')
        .update(JSON.stringify(boundErrors(errors).errors))
        .digest('hex'),
      format: command.format,
      frequencyCode: ['1', '7', '8'].includes(item.frequencyCode ?? '1') ? (item.frequencyCode ?? '1') : '1',
      correlationId: this.envelope(command).correlationId,
    };
    return { index: item.index, submitterClaimId, entry, errors: answered.errors, omitted: answered.omitted };
  }

  /** Every rejection of the submission in one statement; a rejection seen before answers with its first id. */
  private async recordRejections(rejections: readonly Rejection[], outcome: SubmissionOutcome): Promise<void> {
    if (rejections.length === 0) return;
    const ids = await this.ledger.recordRejected(rejections);
    for (const r of rejections)
      outcome.rejected.push({
        index: r.index,
        claimId: ids.get(rejectionKey(r.entry)) ?? r.entry.id,
        submitterClaimId: r.submitterClaimId,
        errors: r.errors,
        ...(r.omitted > 0 ? { errorsOmitted: r.omitted } : {}),
      });
  }

  private async accept(batch: Normalized[], outcome: SubmissionOutcome): Promise<void> {
    // Seen before, or earlier in this same submission: either way, processed once.
    const seen = new Map<string, LedgerEntry>(
      (await this.ledger.findSubmissions(batch.map((b) => b.entry))).map((row) => [submissionKey(row), row]),
    );
    const fresh: Normalized[] = [];
    for (const item of batch) {
      const earlier = seen.get(submissionKey(item.entry));
      if (earlier) {
        outcome.accepted.push({
          claimId: earlier.id,
          submitterClaimId: earlier.submitterClaimId,
          status: 'duplicate',
          correlationId: earlier.correlationId,
        });
        continue;
      }
      seen.set(submissionKey(item.entry), item.entry);
      fresh.push(item);
    }
    if (fresh.length === 0) return;
    await this.ledger.recordNormalized(fresh);
    try {
      await this.publisher.publish(
        ...fresh.map(({ claim, envelope }) => ({
          topic: TOPICS.claimsNormalized,
          key: claim.claimId,
          envelope,
          value: { type: 'ClaimNormalized.v1', claim } satisfies ClaimNormalizedV1,
        })),
      );
    } catch (error) {
      // Not acknowledged, so not kept: the submitter's retry must not be taken for a duplicate.
      await this.ledger.forget(fresh.map((f) => f.claim.claimId));
      throw error;
    }
    for (const { claim, envelope } of fresh)
      outcome.accepted.push({
        claimId: claim.claimId,
        submitterClaimId: claim.submitterClaimId,
        status: 'accepted',
        correlationId: envelope.correlationId,
      });
  }
}
