import type { RemitClaim, RemitLine } from '../x12/remit-835.types';
import { lineOutcome, type PayerLineOutcome } from './line-outcome';

/** The facts of a ledger claim that matching needs. */
export interface LedgerClaimRef {
  readonly claimId: string;
  readonly submitterClaimId: string;
  readonly lines: readonly LedgerLineRef[];
}

export interface LedgerLineRef {
  readonly lineNumber: number;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly dateOfService: string;
}

export type UnmatchedClaimReason = 'NO_CLAIM' | 'DATES_DIFFER' | 'AMBIGUOUS_CLAIM';
export type UnmatchedLineReason = 'NO_LINE';

export interface MatchedLine {
  /** Index of the SVC within the claim payment. */
  readonly remitLine: number;
  readonly lineNumber: number;
  readonly outcome: PayerLineOutcome;
}

export type RemitClaimMatch =
  | {
      readonly matched: true;
      readonly claimId: string;
      readonly lines: readonly MatchedLine[];
      readonly unmatchedLines: readonly { readonly remitLine: number; readonly reason: UnmatchedLineReason }[];
    }
  | { readonly matched: false; readonly reason: UnmatchedClaimReason; readonly candidates: number };

/**
 * Finds the ledger claim a claim payment answers: same patient control number (CLM01 = CLP01),
 * dates of service that agree, then each service line by code (the submitted one when the payer
 * changed it) and date, preferring equal modifiers, then equal units. Nothing is guessed: when
 * no claim or more than one fits, the claim payment is reported unmatched; a line that fits no
 * line of the claim is reported as such.
 */
export function matchRemitClaim(remit: RemitClaim, ledger: readonly LedgerClaimRef[]): RemitClaimMatch {
  const byNumber = ledger.filter((c) => c.submitterClaimId === remit.patientControlNumber);
  if (byNumber.length === 0) return { matched: false, reason: 'NO_CLAIM', candidates: 0 };
  let fitting = byNumber.filter((c) => datesAgree(remit, c));
  if (fitting.length === 0) return { matched: false, reason: 'DATES_DIFFER', candidates: byNumber.length };
  if (fitting.length > 1) {
    const whole = fitting.filter((c) => matchLines(remit, c).unmatchedLines.length === 0);
    fitting = whole.length > 0 ? whole : fitting;
  }
  if (fitting.length > 1) return { matched: false, reason: 'AMBIGUOUS_CLAIM', candidates: fitting.length };
  return { matched: true, claimId: fitting[0].claimId, ...matchLines(remit, fitting[0]) };
}

function remitDate(line: RemitLine, remit: RemitClaim): string | undefined {
  return line.dateOfService ?? remit.statementFrom;
}

/** Every dated service line of the payment falls on a date the claim has; a statement period holds one. */
function datesAgree(remit: RemitClaim, claim: LedgerClaimRef): boolean {
  const dates = new Set(claim.lines.map((l) => l.dateOfService));
  const lineDates = remit.lines.map((l) => l.dateOfService).filter((d): d is string => d !== undefined);
  if (lineDates.length > 0) return lineDates.every((d) => dates.has(d));
  const from = remit.statementFrom;
  if (!from) return true;
  const to = remit.statementTo ?? from;
  return claim.lines.some((l) => l.dateOfService >= from && l.dateOfService <= to);
}

function matchLines(remit: RemitClaim, claim: LedgerClaimRef) {
  const used = new Set<number>();
  const lines: MatchedLine[] = [];
  const unmatchedLines: { remitLine: number; reason: UnmatchedLineReason }[] = [];
  remit.lines.forEach((line, index) => {
    const code = line.submittedCode ?? line.code;
    const modifiers = line.submittedModifiers ?? line.modifiers;
    const date = remitDate(line, remit);
    const open = claim.lines.filter((l) => !used.has(l.lineNumber) && l.code === code && (date === undefined || l.dateOfService === date));
    const byControl = open.find((l) => line.lineControlNumber !== undefined && String(l.lineNumber) === line.lineControlNumber);
    const sameModifiers = open.filter((l) => sameSet(l.modifiers, modifiers));
    const pool = sameModifiers.length > 0 ? sameModifiers : open;
    const found = byControl ?? pool.find((l) => l.units === Math.abs(line.units)) ?? pool[0];
    if (!found) return unmatchedLines.push({ remitLine: index, reason: 'NO_LINE' });
    used.add(found.lineNumber);
    lines.push({ remitLine: index, lineNumber: found.lineNumber, outcome: lineOutcome(line, remit) });
  });
  return { lines, unmatchedLines };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((m) => b.includes(m));
}
