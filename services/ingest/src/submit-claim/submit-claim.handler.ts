import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { decodeClaims, type Claim, type DecodedClaim } from '@claimflow/domain';
import { TOPICS, childEnvelope, rootEnvelope, type ClaimNormalizedV1, type Envelope } from '@claimflow/contracts';
import { EventPublisher } from '@claimflow/kafka';
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
}

/** Content identity of a claim: everything the submitter sent, minus the id we assigned. */
function contentHash(claim: Claim): string {
  const { claimId: _id, ...content } = claim;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

@Injectable()
export class SubmitClaimHandler {
  constructor(
    private readonly ledger: ClaimLedgerRepository,
    private readonly publisher: EventPublisher,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  async submit(command: SubmitCommand): Promise<SubmissionOutcome> {
    const outcome: SubmissionOutcome = { format: command.format, accepted: [], rejected: [], errors: [] };
    const decoded = decodeClaims(command.format, command.payload, { submitterId: command.submitterId, newId: randomUUID, maxClaims: this.config.INGEST_MAX_CLAIMS });
    for await (const item of decoded) {
      if ('submissionError' in item) outcome.errors.push(item.submissionError);
      else await this.accept(item, command, outcome);
    }
    return outcome;
  }

  private async accept(item: DecodedClaim, command: SubmitCommand, outcome: SubmissionOutcome): Promise<void> {
    const envelope = command.parent ? childEnvelope(command.parent, 'ClaimNormalized.v1') : rootEnvelope('ClaimNormalized.v1', command.correlationId);
    const base = { submitterId: command.submitterId ?? '', format: command.format, correlationId: envelope.correlationId };
    if (!item.result.ok) {
      const claimId = randomUUID();
      const submitterClaimId = item.submitterClaimId ?? `#${item.index}`;
      const hash = createHash('sha256').update(JSON.stringify(item.result.error)).digest('hex');
      await this.ledger.recordRejected({ ...base, id: claimId, submitterClaimId, contentHash: hash, frequencyCode: item.frequencyCode ?? '1' }, item.result.error);
      outcome.rejected.push({ index: item.index, claimId, submitterClaimId: item.submitterClaimId, errors: item.result.error });
      return;
    }
    const claim = item.result.value;
    const entry: LedgerEntry = { ...base, id: claim.claimId, submitterId: claim.submitterId ?? base.submitterId, submitterClaimId: claim.submitterClaimId, contentHash: contentHash(claim), frequencyCode: claim.frequencyCode };
    const existing = await this.ledger.findSubmission(entry.submitterId, entry.submitterClaimId, entry.contentHash);
    if (existing) {
      outcome.accepted.push({ claimId: existing.id, submitterClaimId: existing.submitterClaimId, status: 'duplicate', correlationId: existing.correlationId });
      return;
    }
    await this.ledger.recordNormalized(entry, claim);
    const body: ClaimNormalizedV1 = { type: 'ClaimNormalized.v1', claim };
    try {
      await this.publisher.publish({ topic: TOPICS.claimsNormalized, key: claim.claimId, envelope, value: body });
    } catch (error) {
      // Not acknowledged, so not kept: the submitter's retry must not be taken for a duplicate.
      await this.ledger.forget(claim.claimId);
      throw error;
    }
    outcome.accepted.push({ claimId: claim.claimId, submitterClaimId: claim.submitterClaimId, status: 'accepted', correlationId: envelope.correlationId });
  }
}
