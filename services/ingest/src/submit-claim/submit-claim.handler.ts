import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { decodeClaims, type Claim, type DecodedClaim, type FieldError } from '@claimflow/domain';
import { TOPICS, childEnvelope, rootEnvelope, type ClaimNormalizedV1, type Envelope } from '@claimflow/contracts';
import { EventPublisher } from '@claimflow/kafka';
import { ClaimflowMetrics } from '@claimflow/platform';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { ClaimLedgerRepository, type LedgerEntry } from '../ledger/claim-ledger.repository';
import type { IntakeFormat, SubmissionOutcome } from './submission';

export interface SubmitCommand {
  readonly format: IntakeFormat;
  readonly payload: unknown;
  readonly submitterId?: string;
  /** The envelope of the message that carried the submission, when it came over Kafka. */
  readonly parent?: Envelope;
  readonly correlationId?: string;
  /** W3C traceparent of the HTTP request, continued by every message the claim causes. */
  readonly traceparent?: string;
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

const submissionKey = (e: Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>) =>
  `${e.submitterId}\u0000${e.submitterClaimId}\u0000${e.contentHash}`;

@Injectable()
export class SubmitClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly publisher: EventPublisher,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    private readonly metrics: ClaimflowMetrics,
  ) {}

  async submit(command: SubmitCommand): Promise<SubmissionOutcome> {
    const outcome: SubmissionOutcome = { format: command.format, accepted: [], rejected: [], errors: [] };
    let batch: Normalized[] = [];
    const decoded = decodeClaims(command.format, command.payload, {
      submitterId: command.submitterId,
      newId: randomUUID,
      maxClaims: this.config.INGEST_MAX_CLAIMS,
    });
    for await (const item of decoded) {
      if ('submissionError' in item) outcome.errors.push(item.submissionError);
      else if (!item.result.ok) await this.reject(item, item.result.error, command, outcome);
      else batch.push(this.normalized(item.result.value, command));
      if (batch.length >= BATCH) {
        await this.accept(batch, outcome);
        batch = [];
      }
    }
    if (batch.length > 0) await this.accept(batch, outcome);
    return outcome;
  }

  private envelope(command: SubmitCommand): Envelope {
    return command.parent
      ? childEnvelope(command.parent, 'ClaimNormalized.v1')
      : rootEnvelope('ClaimNormalized.v1', command.correlationId, undefined, command.traceparent);
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

  private async reject(item: DecodedClaim, errors: FieldError[], command: SubmitCommand, outcome: SubmissionOutcome): Promise<void> {
    const claimId = randomUUID();
    const submitterClaimId = item.submitterClaimId ?? `#${item.index}`;
    const hash = createHash('sha256').update(JSON.stringify(errors)).digest('hex');
    const entry = {
      id: claimId,
      submitterId: command.submitterId ?? '',
      submitterClaimId,
      contentHash: hash,
      format: command.format,
      frequencyCode: item.frequencyCode ?? '1',
      correlationId: this.envelope(command).correlationId,
    };
    await this.ledger.recordRejected(entry, errors);
    this.metrics.claimsFinal.inc({ status: 'rejected' });
    outcome.rejected.push({ index: item.index, claimId, submitterClaimId: item.submitterClaimId, errors });
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
