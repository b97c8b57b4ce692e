import { Inject, Injectable } from '@nestjs/common';
import { publishEditAccuracy, snapshotDue, throughOf, type PayerLineOutcome, type PublishableAccuracyLine } from '@claimflow/domain';
import { PeriodicPublication, RecordKeys } from '@claimflow/runtime';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { EditAccuracyPublicationRepository } from './edit-accuracy-publication.repository';
import { editsByLine } from '../shared/ledger-facts';
import { RemittanceRepository } from './remittance.repository';

/**
 * Publishes everyone's edit accuracy on a schedule (EDIT_ACCURACY_PUBLISH_INTERVAL) into its table,
 * from which alone it is served, by the rules denial patterns are published by (libs/domain
 * publication): a new snapshot only once k distinct submitters recorded payer outcomes since the
 * last, so one owner's 835 between two reads changes nothing anyone can see.
 */
@Injectable()
export class EditAccuracyPublisher extends PeriodicPublication {
  private readonly keys: RecordKeys;

  constructor(
    private readonly remittances: RemittanceRepository,
    private readonly publication: EditAccuracyPublicationRepository,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {
    super(config.EDIT_ACCURACY_PUBLISH_INTERVAL);
    this.keys = new RecordKeys(config.EDIT_ACCURACY_SECRET);
  }

  async publishOnce(): Promise<void> {
    const asOf = new Date();
    const [{ outcomes, results }, last] = await Promise.all([this.remittances.answeredLines(), this.publication.current()]);
    const arrivals = outcomes.map((o) => ({ contributor: o.submitterId, arrived: o.recordedAt.getTime() }));
    if (!snapshotDue(arrivals, last ? last.throughAt.getTime() : null, this.config.EDIT_ACCURACY_MIN_REPORTERS)) {
      await this.publication.markChecked(asOf);
      return;
    }
    const edits = new Map<string, ReturnType<typeof editsByLine>>();
    const lines: PublishableAccuracyLine[] = outcomes.map((o) => {
      if (!edits.has(o.claimId)) edits.set(o.claimId, editsByLine(results.get(o.claimId)));
      return {
        contributor: o.submitterId,
        recordKey: this.keys.recordKey(`${o.claimId}:${o.lineNumber}`),
        outcome: o.outcome as PayerLineOutcome,
        reasons: o.carcCodes,
        edits: edits.get(o.claimId)?.get(o.lineNumber) ?? [],
      };
    });
    const answer = publishEditAccuracy(lines, this.config.EDIT_ACCURACY_MIN_REPORTERS);
    await this.publication.publish(answer, new Date(throughOf(arrivals) ?? 0), asOf);
    this.logger.log('published the public edit accuracy');
  }
}
