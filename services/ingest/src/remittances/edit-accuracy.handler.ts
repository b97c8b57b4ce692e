import { Inject, Injectable } from '@nestjs/common';
import {
  computeEditAccuracy,
  publishEditAccuracy,
  type EditAccuracy,
  type PayerLineOutcome,
  type PublishedEditAccuracy,
} from '@claimflow/domain';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { EditAccuracyPublicationRepository } from './edit-accuracy-publication.repository';
import { editsByLine } from '../shared/ledger-facts';
import { RemittanceRepository } from './remittance.repository';

/** Per edit code, how often payers agreed: over the submitter's own answered lines, or everyone's as last published. */
@Injectable()
export class EditAccuracyHandler {
  constructor(
    private readonly remittances: RemittanceRepository,
    private readonly publication: EditAccuracyPublicationRepository,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  async forSubmitter(submitterId: string): Promise<EditAccuracy> {
    const { outcomes, results } = await this.remittances.answeredLines(submitterId);
    const edits = new Map<string, ReturnType<typeof editsByLine>>();
    return computeEditAccuracy(
      outcomes.map((o) => {
        if (!edits.has(o.claimId)) edits.set(o.claimId, editsByLine(results.get(o.claimId)));
        return { outcome: o.outcome as PayerLineOutcome, reasons: o.carcCodes, edits: edits.get(o.claimId)?.get(o.lineNumber) ?? [] };
      }),
    );
  }

  /** The last publication, never computed on the read; before the first, the empty answer. */
  async forEveryone(): Promise<PublishedEditAccuracy> {
    const current = await this.publication.current();
    if (!current) return { ...publishEditAccuracy([], this.config.EDIT_ACCURACY_MIN_REPORTERS), publishedAsOf: null };
    return { ...current.answer, publishedAsOf: current.publishedAsOf.toISOString() };
  }
}
