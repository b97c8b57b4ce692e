import { Injectable } from '@nestjs/common';
import { computeEditAccuracy, type AccuracyLine, type EditAccuracy, type PayerLineOutcome } from '@claimflow/domain';
import { editsByLine } from './ledger-facts';
import { RemittanceRepository } from './remittance.repository';

/** Per edit code, how often payers agreed, over the submitter's own answered lines. */
@Injectable()
export class EditAccuracyHandler {
  constructor(private readonly remittances: RemittanceRepository) {}

  async forSubmitter(submitterId: string): Promise<EditAccuracy> {
    const { outcomes, results } = await this.remittances.answeredLines(submitterId);
    const edits = new Map<string, ReturnType<typeof editsByLine>>();
    const lines: AccuracyLine[] = outcomes.map((o) => {
      if (!edits.has(o.claimId)) edits.set(o.claimId, editsByLine(results.get(o.claimId)));
      return { outcome: o.outcome as PayerLineOutcome, reasons: o.carcCodes, edits: edits.get(o.claimId)?.get(o.lineNumber) ?? [] };
    });
    return computeEditAccuracy(lines);
  }
}
