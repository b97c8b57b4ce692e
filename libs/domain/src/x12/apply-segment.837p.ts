import { FieldError, fieldError } from '../intake/field-error';
import type { BillingContext, ClaimDraft837, LineDraft837, SubscriberContext } from './claim-draft.837p';
import type { X12Segment } from './segment-reader';
import { dtpDate, el, parts } from './x12-values';

const MAX_KEPT_LINES = 51;

const segmentError = (s: X12Segment, path: string, message: string): FieldError =>
  fieldError(path, 'X12_ELEMENT_INVALID', message, `${s.id} segment ${s.ordinal}`);

/** Billing provider (2010AA) and subscriber (2000B, 2010BB) facts. */
export function applyHeaderSegment(loop: string, s: X12Segment, billing?: BillingContext, subscriber?: SubscriberContext): void {
  if (billing && loop === '2010AA') {
    if (s.id === 'NM1') {
      if (el(s, 8) !== 'XX') billing.errors.push(segmentError(s, 'billingProvider.npi', 'NM108 must be XX (NPI) for the billing provider'));
      billing.npi = el(s, 9);
      billing.segment = s.ordinal;
    } else if (s.id === 'N4') billing.zip = el(s, 3);
  }
  if (subscriber && loop === '2000B' && s.id === 'SBR') {
    subscriber.filingIndicator = el(s, 9) || undefined;
    subscriber.segment = s.ordinal;
  }
  if (subscriber && loop === '2010BB' && s.id === 'NM1') subscriber.payerId = el(s, 9) || undefined;
}

/** CLM: claim id, place of service and frequency (CLM05 = POS:B:frequency). */
export function applyClm(claim: ClaimDraft837, s: X12Segment): void {
  claim.submitterClaimId = el(s, 1) || undefined;
  claim.charge = el(s, 2) || undefined;
  const [pos, qualifier, frequency] = parts(s, 5);
  claim.placeOfService = pos;
  claim.frequencyCode = frequency;
  if (qualifier !== undefined && qualifier !== 'B')
    claim.errors.push(segmentError(s, 'placeOfService', `CLM05-2 must be B (place of service), got ${qualifier}`));
}

/** Segments inside a claim (2300-2430). */
export function applyClaimSegment(claim: ClaimDraft837, loop: string, s: X12Segment): void {
  const line = claim.lines.length > 0 && claim.lines.length === claim.lineCount ? claim.lines[claim.lines.length - 1] : undefined;
  switch (`${loop}/${s.id}`) {
    case '2300/HI':
      return applyHi(claim, s);
    case '2310B/NM1':
      claim.renderingNpi = el(s, 9) || undefined;
      claim.renderingSegment = s.ordinal;
      return;
    case '2310C/NM1':
      claim.facility.npi = el(s, 8) === 'XX' ? el(s, 9) || undefined : undefined;
      claim.facility.segment = s.ordinal;
      return;
    case '2310C/N4':
      claim.facility.zip = el(s, 3) || undefined;
      return;
    case '2400/LX':
      claim.lineCount++;
      if (claim.lines.length < MAX_KEPT_LINES) claim.lines.push({ lineNumber: el(s, 1), modifiers: [], pointers: [], segment: s.ordinal });
      return;
    case '2400/SV1':
      if (line) applySv1(claim, line, s);
      return;
    case '2400/DTP':
      if (line && el(s, 1) === '472') [line.dateOfService, line.dtpSegment] = [dtpDate(el(s, 2), el(s, 3)), s.ordinal];
      return;
    case '2420A/NM1':
      if (line) line.renderingNpi = el(s, 9) || undefined;
      return;
  }
  if (s.id === 'SV1' || s.id === 'HI') {
    claim.errors.push(fieldError('', 'X12_SEGMENT_UNEXPECTED', `${s.id} is not allowed in loop ${loop}`, `${s.id} segment ${s.ordinal}`));
  }
}

function applyHi(claim: ClaimDraft837, s: X12Segment): void {
  claim.hiSegment ??= s.ordinal;
  for (let n = 1; n <= 12; n++) {
    const [qualifier, code] = parts(s, n);
    if (qualifier === undefined) continue;
    if (qualifier === 'ABK' || qualifier === 'ABF') claim.diagnoses.push(code ?? '');
    else if (qualifier === 'BK' || qualifier === 'BF') {
      claim.errors.push(
        segmentError(
          s,
          `diagnoses[${claim.diagnoses.length}]`,
          `HI${String(n).padStart(2, '0')} is ICD-9 (${qualifier}); 5010 claims carry ICD-10-CM (ABK/ABF)`,
        ),
      );
    }
  }
}

function applySv1(claim: ClaimDraft837, line: LineDraft837, s: X12Segment): void {
  const index = claim.lines.length - 1;
  const [qualifier, code, ...modifiers] = parts(s, 1);
  if (qualifier !== 'HC')
    claim.errors.push(segmentError(s, `lines[${index}].code`, `SV101-1 must be HC (CPT/HCPCS), got ${qualifier ?? 'nothing'}`));
  line.code = code;
  line.modifiers = modifiers.filter((m) => m !== '');
  line.charge = el(s, 2) || undefined;
  if (el(s, 3) !== 'UN')
    claim.errors.push(segmentError(s, `lines[${index}].units`, `SV103 must be UN (units), got ${el(s, 3) || 'nothing'}`));
  line.units = el(s, 4) || undefined;
  line.placeOfService = el(s, 5) || undefined;
  line.pointers = parts(s, 7);
}
