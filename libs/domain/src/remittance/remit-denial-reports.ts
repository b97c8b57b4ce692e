import type { Claim } from '../claim/claim.schema';
import type { DenialReportInput } from '../feedback/denial-report.schema';
import { isKnownCarc, MAC_JURISDICTIONS, RARC_PATTERN, US_STATES } from '../feedback/report-vocabulary';
import type { RemitClaim } from '../x12/remit-835.types';
import type { EditCode } from '../validation/edit';
import { lineReasonCodes, lineRemarkCodes } from './line-outcome';
import type { MatchedLine } from './match-remittance';

/** What the caller knows about the claim beyond the claim itself (from reference data and the ledger). */
export interface RemitReportContext {
  /** State of the billing provider (from its ZIP). */
  readonly state?: string;
  /** A/B MAC jurisdiction, needed for Medicare Part B reports. */
  readonly macJurisdiction?: string;
  /** When the payer decided: BPR16 payment date or DTM*405 production date (only its month is kept). */
  readonly decidedOn?: string;
  /** The ClaimFlow edits that fired, per ledger line number. */
  readonly editsByLine: ReadonlyMap<number, readonly EditCode[]>;
}

export type SkippedReportReason = 'PAYER_TYPE_UNSUPPORTED' | 'MAC_UNKNOWN' | 'STATE_UNKNOWN' | 'DATE_UNKNOWN' | 'NO_REASON_CODE';

export interface RemitReports {
  /** Each report with the ledger line it came from (the line number stays with the caller, never in the report). */
  readonly reports: { readonly lineNumber: number; readonly report: DenialReportInput }[];
  readonly skipped: { readonly lineNumber: number; readonly reason: SkippedReportReason }[];
}

/**
 * One anonymous denial report per denied line, holding only: the billed codes (code, modifiers,
 * units: the denied one and those billed with it), place of service, payer type (and MAC
 * jurisdiction), billing provider state, denial month, CARCs, RARCs and the ClaimFlow edits that
 * fired on that line. No names, ids, dates of service or amounts are carried over. The reports
 * still go through the feedback service's own checks (schema, personal data, anonymity rules).
 */
export function denialReportsFromRemit(
  claim: Claim,
  remit: RemitClaim,
  lines: readonly MatchedLine[],
  context: RemitReportContext,
): RemitReports {
  const reports: RemitReports['reports'][number][] = [];
  const skipped: RemitReports['skipped'] = [];
  const billedCodes = claim.lines.map((l) => ({ code: l.code, modifiers: [...l.modifiers], units: l.units }));
  for (const match of lines) {
    if (match.outcome !== 'denied') continue;
    const line = claim.lines.find((l) => l.lineNumber === match.lineNumber);
    const remitLine = remit.lines[match.remitLine];
    if (!line || !remitLine) continue;
    const skip = (reason: SkippedReportReason) => skipped.push({ lineNumber: match.lineNumber, reason });
    const payer = payerOf(claim.payer.type, context.macJurisdiction);
    if (payer === 'unsupported') skip('PAYER_TYPE_UNSUPPORTED');
    else if (payer === 'mac-unknown') skip('MAC_UNKNOWN');
    else if (!context.state || !(US_STATES as readonly string[]).includes(context.state)) skip('STATE_UNKNOWN');
    else if (!context.decidedOn || !/^\d{4}-\d{2}/.test(context.decidedOn)) skip('DATE_UNKNOWN');
    else {
      const carc = lineReasonCodes(remitLine, remit).filter(isKnownCarc).slice(0, 10);
      if (carc.length === 0) {
        skip('NO_REASON_CODE');
        continue;
      }
      const report: DenialReportInput = {
        billedCodes,
        deniedCode: line.code,
        placeOfService: line.placeOfService ?? claim.placeOfService,
        payer,
        state: context.state as DenialReportInput['state'],
        denialMonth: context.decidedOn.slice(0, 7),
        denialReasons: {
          carc,
          rarc: lineRemarkCodes(remitLine, remit)
            .filter((r) => RARC_PATTERN.test(r))
            .slice(0, 10),
        },
        appeal: { filed: false },
        claimflowEdits: [...new Set(context.editsByLine.get(match.lineNumber) ?? [])].slice(0, 20),
      };
      reports.push({ lineNumber: match.lineNumber, report });
    }
  }
  return { reports, skipped };
}

function payerOf(type: Claim['payer']['type'], mac: string | undefined): DenialReportInput['payer'] | 'unsupported' | 'mac-unknown' {
  switch (type) {
    case 'medicare-part-b': {
      const jurisdiction = MAC_JURISDICTIONS.find((j) => j === mac);
      return jurisdiction ? { type, macJurisdiction: jurisdiction } : 'mac-unknown';
    }
    case 'medicare-advantage':
    case 'medicaid':
    case 'commercial':
      return { type };
    default:
      return 'unsupported';
  }
}
