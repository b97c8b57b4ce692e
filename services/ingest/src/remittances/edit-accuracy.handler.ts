import { Inject, Injectable } from '@nestjs/common';
import {
  computeEditAccuracy,
  publicEditAccuracy,
  type EditAccuracy,
  type PayerLineOutcome,
  type PublicEditAccuracy,
  type ReportedAccuracyLine,
} from '@claimflow/domain';
import { INGEST_CONFIG, type IngestConfig } from '../config/ingest.config';
import { editsByLine } from './ledger-facts';
import { RemittanceRepository } from './remittance.repository';

/** Per edit code, how often payers agreed: over the submitter's own answered lines, or everyone's under the k-reporters rule. */
@Injectable()
export class EditAccuracyHandler {
  constructor(
    private readonly remittances: RemittanceRepository,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
  ) {}

  async forSubmitter(submitterId: string): Promise<EditAccuracy> {
    return computeEditAccuracy(await this.lines(submitterId));
  }

  async forEveryone(): Promise<PublicEditAccuracy> {
    return publicEditAccuracy(await this.lines(undefined), this.config.EDIT_ACCURACY_MIN_REPORTERS);
  }

  private async lines(submitterId: string | undefined): Promise<ReportedAccuracyLine[]> {
    const { outcomes, results } = await this.remittances.answeredLines(submitterId);
    const edits = new Map<string, ReturnType<typeof editsByLine>>();
    return outcomes.map((o) => {
      if (!edits.has(o.claimId)) edits.set(o.claimId, editsByLine(results.get(o.claimId)));
      return {
        submitterId: o.submitterId,
        outcome: o.outcome as PayerLineOutcome,
        reasons: o.carcCodes,
        edits: edits.get(o.claimId)?.get(o.lineNumber) ?? [],
      };
    });
  }
}
