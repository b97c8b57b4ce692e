import type { FieldError } from '../intake/field-error';
import { payerTypeOf } from './x12-values';

/** What the 2000A/2010AA billing provider loops say; applies to every claim under that HL. */
export interface BillingContext {
  npi?: string;
  zip?: string;
  segment: number;
  errors: FieldError[];
}

/** What the 2000B subscriber loop and its 2010BB payer say. */
export interface SubscriberContext {
  filingIndicator?: string;
  payerId?: string;
  segment: number;
  errors: FieldError[];
}

export interface LineDraft837 {
  lineNumber: string;
  code?: string;
  modifiers: string[];
  charge?: string;
  units?: string;
  placeOfService?: string;
  pointers: string[];
  dateOfService?: string;
  renderingNpi?: string;
  segment: number;
  /** Ordinal of the line's DTP*472, so a date problem names the segment that holds the date. */
  dtpSegment?: number;
}

export interface ClaimDraft837 {
  submitterClaimId?: string;
  charge?: string;
  placeOfService?: string;
  frequencyCode?: string;
  diagnoses: string[];
  renderingNpi?: string;
  facility: { npi?: string; zip?: string; segment?: number };
  lines: LineDraft837[];
  /** LX count, including lines beyond the ones kept. */
  lineCount: number;
  segment: number;
  /** Segment ordinals of the HI and 2310B NM1*82 segments, for error sources. */
  hiSegment?: number;
  renderingSegment?: number;
  index: number;
  errors: FieldError[];
}

export function newClaimDraft(segment: number, index: number): ClaimDraft837 {
  return { diagnoses: [], facility: {}, lines: [], lineCount: 0, segment, index, errors: [] };
}

/** The draft in canonical-JSON shape, ready for normalizeClaim. */
export function toClaimInput(
  claim: ClaimDraft837,
  billing: BillingContext | undefined,
  subscriber: SubscriberContext | undefined,
  maxLines: number,
) {
  const facility = claim.facility.npi || claim.facility.zip ? { npi: claim.facility.npi, zip: claim.facility.zip } : undefined;
  return {
    submitterClaimId: claim.submitterClaimId,
    frequencyCode: claim.frequencyCode,
    placeOfService: claim.placeOfService,
    payer:
      subscriber?.filingIndicator || subscriber?.payerId
        ? { type: subscriber.filingIndicator ? payerTypeOf(subscriber.filingIndicator) : undefined, id: subscriber.payerId }
        : undefined,
    billingProvider: billing?.npi ? { npi: billing.npi, zip: billing.zip } : undefined,
    renderingProviderNpi: claim.renderingNpi,
    serviceFacility: facility,
    diagnoses: claim.diagnoses,
    lines: claim.lines.slice(0, maxLines).map((line) => ({
      lineNumber: line.lineNumber,
      code: line.code,
      modifiers: line.modifiers,
      units: line.units,
      charge: line.charge,
      dateOfService: line.dateOfService,
      placeOfService: line.placeOfService,
      diagnosisPointers: line.pointers,
      renderingProviderNpi: line.renderingNpi,
    })),
  };
}

/** Points each canonical-path error back at the segment it came from. */
export function sourceOf(path: string, claim: ClaimDraft837, billing?: BillingContext, subscriber?: SubscriberContext): string {
  const line = /^lines\[(\d+)\](\.dateOfService)?/.exec(path);
  const dtp = line?.[2] ? claim.lines[Number(line[1])]?.dtpSegment : undefined;
  if (dtp) return `DTP segment ${dtp}`;
  if (line) return `LX segment ${claim.lines[Number(line[1])]?.segment ?? claim.segment}`;
  if (path.startsWith('billingProvider') && billing) return `NM1*85 loop 2010AA, segment ${billing.segment}`;
  if (path.startsWith('payer') && subscriber) return `SBR loop 2000B, segment ${subscriber.segment}`;
  if (path.startsWith('serviceFacility') && claim.facility.segment) return `NM1*77 loop 2310C, segment ${claim.facility.segment}`;
  if (path.startsWith('diagnoses') && claim.hiSegment) return `HI segment ${claim.hiSegment}`;
  if (path.startsWith('renderingProviderNpi') && claim.renderingSegment) return `NM1*82 loop 2310B, segment ${claim.renderingSegment}`;
  return `CLM segment ${claim.segment}`;
}
