import { rvusOf } from './line-rates';
import type { LineWork } from './line-work';
import { toDollars } from './money';
import type { PricedLine } from './priced-claim';
import { splitPayment } from './payment-split';

/** Release ids a line was priced with, shared by every line of the same date and setting. */
export interface LineReleases {
  readonly facility: readonly string[];
  readonly nonFacility: readonly string[];
}

export function finishLine(work: LineWork, releases: LineReleases): PricedLine {
  const { line, row, rates } = work;
  const money = splitPayment(work.status === 'priced' ? work.amount : 0);
  return {
    lineNumber: line.lineNumber,
    code: line.code,
    modifiers: line.modifiers,
    units: line.units,
    dateOfService: line.dateOfService,
    setting: rates.setting,
    allowed: money.allowed,
    medicarePayment: money.medicarePayment,
    coinsurance: money.coinsurance,
    limitingCharge: money.limitingCharge,
    status: work.status,
    reason: work.reason,
    deniedBy: work.deniedBy,
    breakdown: row && {
      rvus: rvusOf(row, rates.setting),
      gpci: rates.gpci,
      conversionFactor: rates.conversionFactor,
      unitPrice: toDollars(work.unitCents),
      adjustments: work.adjustments,
      releases: rates.setting === 'facility' ? releases.facility : releases.nonFacility,
    },
  };
}
