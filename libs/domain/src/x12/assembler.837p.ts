import { err } from '../shared/result';
import { FieldError, fieldError } from '../intake/field-error';
import { applyClaimSegment, applyClm, applyHeaderSegment } from './apply-segment.837p';
import { BillingContext, ClaimDraft837, newClaimDraft, SubscriberContext } from './claim-draft.837p';
import { claimResult, unlisted } from './claim-result.837p';
import { EnvelopeTracker } from './envelope';
import { nextLoop, scopeOf, SEGMENTS_837P } from './loop-map.837p';
import type { X12Segment, X12Token } from './segment-reader';
import type { Parse837Options, X12Position, X12Result } from './x12-result';

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
/** Problems held per claim and per interchange; past these they are counted, so memory and time stay bounded. */
const MAX_HELD_ERRORS = 500;

/**
 * Turns 837P segments into claims. Results are held until their interchange ends (IEA, the next
 * ISA or the end of input): a complete and consistent interchange releases its claims as read; one
 * with any envelope or syntax problem releases every claim as refused, so nothing in it is accepted.
 */
export class Assembler837 {
  private pending: X12Result[] = [];
  private broken = false;
  private heldIssues = 0;
  private unlistedIssues = 0;
  private unlistedClaimErrors = 0;
  private readonly envelope = new EnvelopeTracker();
  private loop = 'ST';
  private billing?: BillingContext;
  private subscriber?: SubscriberContext;
  private claim?: ClaimDraft837;
  private lastInterchange = '';

  constructor(private readonly options: Parse837Options = {}) {}

  accept(tokens: readonly X12Token[], out: X12Result[] = []): X12Result[] {
    for (const token of tokens) {
      if (token.kind === 'error') {
        this.flushClaim();
        this.envelopeIssues([fieldError(token.path ?? 'ISA', token.code, token.message, token.source)], 0);
      } else this.segment(token.segment, out);
    }
    return out;
  }

  finish(out: X12Result[] = []): X12Result[] {
    this.flushClaim();
    this.envelopeIssues(this.envelope.end(), 0);
    this.release(out);
    return out;
  }

  /** The held results of the interchange that just ended; its claims refused when anything in it was wrong. */
  private release(out: X12Result[]): void {
    if (this.unlistedIssues > 0)
      this.pending.push({
        scope: 'envelope',
        position: this.position(0),
        result: err([unlisted(this.unlistedIssues, 'interchange', 'ISA')]),
      });
    const pending = this.pending;
    this.pending = [];
    this.heldIssues = this.unlistedIssues = 0;
    if (!this.broken) {
      for (const r of pending) out.push(r);
      return;
    }
    this.broken = false;
    for (const r of pending) {
      if (r.scope === 'envelope') out.push(r);
      else {
        const refused = fieldError(
          '',
          'X12_INTERCHANGE_REFUSED',
          `interchange ${r.position.interchange || '(unknown)'} is refused as a whole for its envelope problems`,
          `CLM segment ${r.position.segment}`,
        );
        out.push({ ...r, result: err([...(r.result.ok ? [] : r.result.error), refused]) });
      }
    }
  }

  private segment(s: X12Segment, out: X12Result[]): void {
    if (!SEGMENT_ID.test(s.id) || !SEGMENTS_837P.has(s.id)) {
      const e = fieldError('', 'X12_SEGMENT_INVALID', `"${s.id.slice(0, 10)}" is not an 837P segment`, `segment ${s.ordinal}`);
      if (!this.claim) this.envelopeIssues([e], s.ordinal);
      else if (this.claim.errors.length < MAX_HELD_ERRORS) this.claim.errors.push(e);
      else this.unlistedClaimErrors++;
      return;
    }
    switch (s.id) {
      case 'ISA':
      case 'GS':
      case 'ST':
        this.flushClaim();
        if (s.id === 'ISA') {
          // A missing IEA (path ISA) belongs to the interchange before, which ends here; the rest to this one.
          const issues = this.envelope.open(s);
          this.envelopeIssues(
            issues.filter((e) => e.path === 'ISA'),
            s.ordinal,
          );
          this.release(out);
          this.envelopeIssues(
            issues.filter((e) => e.path !== 'ISA'),
            s.ordinal,
          );
          this.lastInterchange = s.elements[13] ?? '';
          return;
        }
        if (s.id === 'ST') [this.loop, this.billing, this.subscriber] = ['ST', undefined, undefined];
        return this.envelopeIssues(this.envelope.open(s), s.ordinal);
      case 'SE':
      case 'GE':
      case 'IEA': {
        this.flushClaim();
        const position = this.position(s.ordinal);
        const issues = this.envelope.close(s);
        if (issues.length) {
          this.broken = true;
          this.pending.push({ scope: 'envelope', position, result: err(issues) });
        }
        if (s.id === 'IEA') this.release(out);
        return;
      }
    }
    if (!this.envelope.transaction) {
      return this.envelopeIssues(
        [fieldError('', 'X12_SEGMENT_UNEXPECTED', `${s.id} outside ST/SE`, `${s.id} segment ${s.ordinal}`)],
        s.ordinal,
      );
    }
    this.body(s);
  }

  private body(s: X12Segment): void {
    const next = nextLoop(this.loop, s.id, s.elements);
    if (next === '2000A' || next === '2000B' || next === '2000C' || next === '2300') this.flushClaim();
    if (next === '2000A') [this.billing, this.subscriber] = [{ segment: s.ordinal, errors: [] }, undefined];
    if (next === '2000B') this.subscriber = { segment: s.ordinal, errors: [] };
    if (next === '2300') this.openClaim(s);
    if (next) this.loop = next;
    if (this.claim) return applyClaimSegment(this.claim, this.loop, s);
    if (scopeOf(this.loop) !== 'header' || s.id === 'SV1' || s.id === 'HI') {
      const e = fieldError('', 'X12_SEGMENT_UNEXPECTED', `${s.id} outside a claim (loop ${this.loop})`, `${s.id} segment ${s.ordinal}`);
      return this.envelopeIssues([e], s.ordinal);
    }
    applyHeaderSegment(this.loop, s, this.billing, this.subscriber);
  }

  private openClaim(s: X12Segment): void {
    const tx = this.envelope.transaction;
    const index = tx ? ++tx.count : 1;
    this.claim = newClaimDraft(s.ordinal, index);
    applyClm(this.claim, s);
    if (!this.subscriber)
      this.claim.errors.push(
        fieldError('', 'X12_SEGMENT_UNEXPECTED', 'CLM before any subscriber HL (HL03 = 22)', `CLM segment ${s.ordinal}`),
      );
  }

  private flushClaim(): void {
    const claim = this.claim;
    if (!claim) return;
    this.claim = undefined;
    const position = { ...this.position(claim.segment), claimIndex: claim.index };
    const held = { billing: this.billing, subscriber: this.subscriber, unlistedErrors: this.unlistedClaimErrors };
    this.unlistedClaimErrors = 0;
    this.pending.push(claimResult(claim, position, held, this.options));
  }

  private position(segment: number): X12Position {
    const { interchange, group, transaction } = this.envelope;
    return {
      interchange: interchange?.control ?? this.lastInterchange,
      group: group?.control,
      transactionSet: transaction?.control,
      transactionSetStart: transaction?.segment,
      segment,
    };
  }

  private envelopeIssues(issues: FieldError[], segment: number): void {
    if (issues.length === 0) return;
    this.broken = true;
    if (this.heldIssues >= MAX_HELD_ERRORS) return void (this.unlistedIssues += issues.length);
    this.heldIssues += issues.length;
    this.pending.push({ scope: 'envelope', position: this.position(segment), result: err(issues) });
  }
}
