import type { X12Segment } from './segment-reader';

/** Element n of a segment ('' when absent). */
export function el(segment: X12Segment, n: number): string {
  return segment.elements[n] ?? '';
}

/** Component parts of element n (SV101 HC:77003:26 -> ['HC', '77003', '26']). */
export function parts(segment: X12Segment, n: number): string[] {
  const value = el(segment, n);
  return value === '' ? [] : value.split(segment.separators.component);
}

/**
 * DTP date -> ISO. D8 is CCYYMMDD; RD8 is a range CCYYMMDD-CCYYMMDD whose start is the date of
 * service. Malformed values are passed on as written so the claim check reports DATE_INVALID.
 */
export function dtpDate(format: string, value: string): string {
  const raw = format === 'RD8' ? value.split('-')[0] : value;
  return /^\d{8}$/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` : raw;
}

/** Claim filing indicator (SBR09) -> canonical payer type. */
export function payerTypeOf(filingIndicator: string): string {
  switch (filingIndicator) {
    case 'MB':
      return 'medicare-part-b';
    case '16':
      return 'medicare-advantage';
    case 'MC':
      return 'medicaid';
    case 'CI':
    case 'BL':
    case 'HM':
    case '12':
    case '13':
    case '14':
    case '15':
    case '17':
      return 'commercial';
    default:
      return 'other';
  }
}
