import { err, ok } from '../shared/result';
import { FieldError, fieldError } from '../intake/field-error';
import { applyClaimSegment, applyClp, applyHeaderSegment, headerProblems, MAX_REMIT_LINES } from './apply-segment.835';
import { EnvelopeTracker, type TransactionSpec } from './envelope';
import type { Remit835Result, RemitClaim, RemitHeader } from './remit-835.types';
import { cents, type ClaimDraft835, type HeaderDraft835, newClaimDraft, newHeaderDraft, sumAdjustments } from './remit-draft.835';
import type { X12Segment, X12Token } from './segment-reader';
import type { X12Position } from './x12-result';
import { el, parts } from './x12-values';

export const IMPLEMENTATION_835 = '005010X221A1';
export const SPEC_835: TransactionSpec = { transactionSet: '835', implementation: IMPLEMENTATION_835 };

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
const SEGMENTS_835: ReadonlySet<string> = new Set(
  'ISA GS ST BPR TRN CUR REF DTM N1 N2 N3 N4 PER RDM LX TS3 TS2 CLP CAS NM1 MIA MOA AMT QTY SVC LQ PLB SE GE IEA'.split(' '),
);
const HEADER_LOOPS = new Set(['header', '1000A', '1000B']);

/** Turns 835 segments into claim payments, one at a time; holds only the claim being read. */
export class Assembler835 {
  private readonly envelope = new EnvelopeTracker(SPEC_835);
  private loop = 'header';
  private header?: HeaderDraft835;
  private claim?: ClaimDraft835;
  private lastInterchange = '';

  accept(tokens: readonly X12Token[], out: Remit835Result[] = []): Remit835Result[] {
    for (const token of tokens) {
      if (token.kind === 'error') {
        this.flushClaim(out);
        this.envelopeIssues(out, [fieldError('ISA', token.code, token.message)], 0);
      } else this.segment(token.segment, out);
    }
    return out;
  }

  finish(out: Remit835Result[] = []): Remit835Result[] {
    this.flushClaim(out);
    this.envelopeIssues(out, this.envelope.end(), 0);
    return out;
  }

  private segment(s: X12Segment, out: Remit835Result[]): void {
    if (!SEGMENT_ID.test(s.id) || !SEGMENTS_835.has(s.id)) {
      const e = fieldError('', 'X12_SEGMENT_INVALID', 'not an 835 segment', `segment ${s.ordinal}`);
      if (this.claim) this.claim.errors.push(e);
      else this.envelopeIssues(out, [e], s.ordinal);
      return;
    }
    switch (s.id) {
      case 'ISA':
      case 'GS':
      case 'ST':
        this.flushClaim(out);
        if (s.id === 'ISA') this.lastInterchange = el(s, 13);
        if (s.id === 'ST') [this.loop, this.header] = ['header', newHeaderDraft(s.ordinal)];
        return this.envelopeIssues(out, this.envelope.open(s), s.ordinal);
      case 'SE':
        this.flushClaim(out);
        this.closeTransaction(s, out);
        break;
      case 'GE':
      case 'IEA':
        this.flushClaim(out);
    }
    if (s.id === 'SE' || s.id === 'GE' || s.id === 'IEA') {
      const position = this.position(s.ordinal);
      const issues = this.envelope.close(s);
      if (issues.length) out.push({ scope: 'envelope', position, result: err(issues) });
      return;
    }
    if (!this.envelope.transaction || !this.header) {
      const e = fieldError('', 'X12_SEGMENT_UNEXPECTED', `${s.id} outside ST/SE`, `${s.id} segment ${s.ordinal}`);
      return this.envelopeIssues(out, [e], s.ordinal);
    }
    this.body(s, this.header, out);
  }

  private body(s: X12Segment, header: HeaderDraft835, out: Remit835Result[]): void {
    if (s.id === 'N1' && HEADER_LOOPS.has(this.loop)) {
      const role = el(s, 1);
      this.loop = role === 'PR' ? '1000A' : role === 'PE' ? '1000B' : this.loop;
    } else if (s.id === 'LX' || s.id === 'PLB') {
      this.flushClaim(out);
      this.sealHeader(header, out);
      this.loop = s.id === 'LX' ? '2000' : 'trailer';
      if (s.id === 'PLB') return this.applyPlb(header, s);
      return;
    } else if (s.id === 'CLP') {
      this.flushClaim(out);
      this.sealHeader(header, out);
      this.loop = '2100';
      this.claim = newClaimDraft(s.ordinal, ++header.claims);
      return applyClp(this.claim, s);
    } else if (s.id === 'SVC' && this.claim) this.loop = '2110';

    if (HEADER_LOOPS.has(this.loop)) return applyHeaderSegment(header, this.loop, s);
    if (this.claim && (this.loop === '2100' || this.loop === '2110')) return applyClaimSegment(this.claim, this.loop, s);
    if (s.id === 'SVC' || s.id === 'CAS' || s.id === 'LQ' || s.id === 'MOA' || s.id === 'MIA') {
      const e = fieldError('', 'X12_SEGMENT_UNEXPECTED', `${s.id} outside a claim payment (CLP)`, `${s.id} segment ${s.ordinal}`);
      this.envelopeIssues(out, [e], s.ordinal);
    }
  }

  /** PLB: provider-level adjustments (reference composite, amount) pairs; they explain BPR02 beside the claims. */
  private applyPlb(header: HeaderDraft835, s: X12Segment): void {
    for (let n = 3; n <= 13; n += 2) {
      if (parts(s, n).length === 0) continue;
      const amount = Number(el(s, n + 1));
      if (Number.isFinite(amount)) header.providerAdjustmentCents += cents(amount);
      else
        header.errors.push(
          fieldError('payment.providerAdjustments', 'X12_ELEMENT_INVALID', 'PLB amount must be a decimal', `PLB segment ${s.ordinal}`),
        );
    }
  }

  /** Checks the header once, reports its problems once, and hands the same object to every claim. */
  private sealHeader(header: HeaderDraft835, out: Remit835Result[]): RemitHeader {
    if (header.sealed) return header.sealed;
    const { segment, seenBpr, seenPayer, seenPayee, errors, paidCents, providerAdjustmentCents, claims, sealed, ...value } = header;
    void [segment, seenBpr, seenPayer, seenPayee, errors, paidCents, providerAdjustmentCents, claims, sealed];
    this.envelopeIssues(out, headerProblems(header), header.segment);
    header.errors = [];
    header.sealed = value;
    return value;
  }

  private closeTransaction(s: X12Segment, out: Remit835Result[]): void {
    const header = this.header;
    if (!header || !this.envelope.transaction) return;
    this.sealHeader(header, out);
    const issues = [...header.errors];
    const expected = header.paidCents - header.providerAdjustmentCents;
    if (header.seenBpr && cents(header.totalPaid) !== expected) {
      const message = `BPR02 does not equal the claim payments less the provider adjustments (differs by ${((cents(header.totalPaid) - expected) / 100).toFixed(2)})`;
      issues.push(fieldError('payment.totalPaid', 'X12_TOTAL_MISMATCH', message, `SE segment ${s.ordinal}`));
    }
    this.envelopeIssues(out, issues, s.ordinal);
    this.header = undefined;
  }

  private flushClaim(out: Remit835Result[]): void {
    const claim = this.claim;
    if (!claim) return;
    this.claim = undefined;
    const header = this.header as HeaderDraft835;
    header.paidCents += cents(claim.paid);
    const position: X12Position = { ...this.position(claim.segment), claimIndex: claim.index };
    const problems = [...claim.errors, ...balanceProblems(claim)];
    const { lineCount, index, errors, ...value } = claim;
    void [lineCount, index, errors];
    const result = problems.length ? err(problems) : ok<RemitClaim>(value);
    out.push({ scope: 'claim', position, header: header.sealed, patientControlNumber: claim.patientControlNumber || undefined, result });
  }

  private position(segment: number): X12Position {
    const { interchange, group, transaction } = this.envelope;
    return {
      interchange: interchange?.control ?? this.lastInterchange,
      group: group?.control,
      transactionSet: transaction?.control,
      segment,
    };
  }

  private envelopeIssues(out: Remit835Result[], issues: FieldError[], segment: number): void {
    if (issues.length) out.push({ scope: 'envelope', position: this.position(segment), result: err(issues) });
  }
}

/**
 * The 835 balancing rules: each line's charge less its payment equals its adjustments, and the
 * claim's charge less its payment equals its claim-level and line-level adjustments together.
 */
function balanceProblems(claim: ClaimDraft835): FieldError[] {
  const found: FieldError[] = [];
  const source = `CLP segment ${claim.segment}`;
  if (claim.lineCount > MAX_REMIT_LINES)
    found.push(fieldError('lines', 'TOO_MANY_LINES', `a claim payment holds at most ${MAX_REMIT_LINES} service lines`, source));
  // Balances mean nothing when an amount could not be read.
  if (claim.errors.some((e) => /(charge|paid|amount)$/.test(e.path))) return found;
  let lineAdjustments = 0;
  claim.lines.forEach((line, i) => {
    const adjusted = sumAdjustments(line.adjustments);
    lineAdjustments += adjusted;
    const gap = cents(line.charge) - cents(line.paid) - adjusted;
    if (gap !== 0)
      found.push(mismatch(`lines[${i}]`, 'SVC02 less SVC03 does not equal the line adjustments', gap, `SVC segment ${line.segment}`));
  });
  if (claim.lineCount !== claim.lines.length) return found;
  const gap = cents(claim.charge) - cents(claim.paid) - sumAdjustments(claim.adjustments) - lineAdjustments;
  if (gap !== 0) found.push(mismatch('paid', 'CLP03 less CLP04 does not equal the claim and line adjustments', gap, source));
  return found;
}

function mismatch(path: string, what: string, gapCents: number, source: string): FieldError {
  return fieldError(path, 'X12_TOTAL_MISMATCH', `${what} (differs by ${(gapCents / 100).toFixed(2)})`, source);
}
