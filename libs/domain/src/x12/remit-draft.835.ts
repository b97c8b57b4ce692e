import { isValidIsoDate } from '../shared/dates';
import { FieldError, fieldError } from '../intake/field-error';
import type { X12Segment } from './segment-reader';
import type { RemitAdjustment, RemitClaim, RemitHeader, RemitLine } from './remit-835.types';
import { el } from './x12-values';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

export type LineDraft835 = Mutable<RemitLine>;
export type ClaimDraft835 = Omit<Mutable<RemitClaim>, 'lines'> & {
  lines: LineDraft835[];
  lineCount: number;
  index: number;
  errors: FieldError[];
};
export type HeaderDraft835 = Mutable<RemitHeader> & {
  segment: number;
  seenBpr: boolean;
  seenPayer: boolean;
  seenPayee: boolean;
  errors: FieldError[];
  /** Sums for the BPR02 balance check, in cents. */
  paidCents: number;
  providerAdjustmentCents: number;
  claims: number;
  /** Set once the header has been checked and handed to its claims. */
  sealed?: RemitHeader;
};

/** X12 R (decimal) type: optional sign, digits, optional decimal point. */
const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

export const cents = (dollars: number): number => Math.round(dollars * 100);

export function newHeaderDraft(segment: number): HeaderDraft835 {
  return {
    handlingCode: '',
    totalPaid: 0,
    creditDebit: '',
    paymentMethod: '',
    payer: {},
    payee: {},
    segment,
    seenBpr: false,
    seenPayer: false,
    seenPayee: false,
    errors: [],
    paidCents: 0,
    providerAdjustmentCents: 0,
    claims: 0,
  };
}

export function newClaimDraft(segment: number, index: number): ClaimDraft835 {
  return {
    patientControlNumber: '',
    status: '',
    charge: 0,
    paid: 0,
    payerClaimControlNumber: '',
    adjustments: [],
    remarks: [],
    lines: [],
    lineCount: 0,
    segment,
    index,
    errors: [],
  };
}

export function newLineDraft(segment: number): LineDraft835 {
  return { qualifier: '', code: '', modifiers: [], charge: 0, paid: 0, units: 1, adjustments: [], remarks: [], segment };
}

export const segmentError = (s: X12Segment, path: string, message: string, code: FieldError['code'] = 'X12_ELEMENT_INVALID') =>
  fieldError(path, code, message, `${s.id} segment ${s.ordinal}`);

/**
 * A decimal element as a number, or undefined with an error naming the element (never the value).
 * Missing required amounts count as invalid too.
 */
export function readAmount(s: X12Segment, n: number, path: string, errors: FieldError[], required = true): number | undefined {
  const raw = el(s, n);
  const name = `${s.id}${String(n).padStart(2, '0')}`;
  if (raw === '') {
    if (required) errors.push(segmentError(s, path, `${name} is required`, 'REQUIRED'));
    return undefined;
  }
  // Whole dollars up to 12 digits: far above any payment, and exact in cents as a JS number and a BIGINT.
  if (!DECIMAL.test(raw) || raw.split('.')[0].replace(/\D/g, '').length > 12 || raw.replace(/\D/g, '').length > 18) {
    errors.push(segmentError(s, path, `${name} must be a decimal amount below one trillion`));
    return undefined;
  }
  return Number(raw);
}

/** DTM date (CCYYMMDD) -> ISO, or undefined with DATE_INVALID. */
export function readDate(s: X12Segment, n: number, path: string, errors: FieldError[]): string | undefined {
  const raw = el(s, n);
  const iso = /^\d{8}$/.test(raw) ? `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}` : '';
  if (isValidIsoDate(iso)) return iso;
  errors.push(segmentError(s, path, `${s.id}${String(n).padStart(2, '0')} must be a date as CCYYMMDD`, 'DATE_INVALID'));
  return undefined;
}

export function sumAdjustments(adjustments: readonly RemitAdjustment[]): number {
  return adjustments.reduce((acc, a) => acc + cents(a.amount), 0);
}
