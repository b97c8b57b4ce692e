import type { Result } from '../shared/result';
import type { FieldError } from '../intake/field-error';
import type { X12Position } from './x12-result';

/** CAS group codes: contractual obligation, correction/reversal, other, payer-initiated, patient responsibility. */
export const ADJUSTMENT_GROUPS = ['CO', 'CR', 'OA', 'PI', 'PR'] as const;
export type AdjustmentGroup = (typeof ADJUSTMENT_GROUPS)[number];

/** One CAS reason: group code, CARC, amount (dollars, negative on reversals) and optional quantity. */
export interface RemitAdjustment {
  readonly group: AdjustmentGroup;
  readonly reason: string;
  readonly amount: number;
  readonly quantity?: number;
}

/** 2110 service payment: SVC, DTM*472 (or 150/151), CAS, REF*6R, AMT*B6, LQ*HE. */
export interface RemitLine {
  /** SVC01-1, HC for CPT/HCPCS. */
  readonly qualifier: string;
  /** SVC01-2, the code the payer adjudicated. */
  readonly code: string;
  readonly modifiers: readonly string[];
  /** SVC06-2 when the payer adjudicated a code other than the one submitted. */
  readonly submittedCode?: string;
  readonly submittedModifiers?: readonly string[];
  readonly charge: number;
  readonly paid: number;
  /** SVC05, paid units; 1 when absent, as the guide says. */
  readonly units: number;
  /** DTM*472, or the start of DTM*150/151. */
  readonly dateOfService?: string;
  readonly adjustments: readonly RemitAdjustment[];
  /** LQ*HE remark codes. */
  readonly remarks: readonly string[];
  /** REF*6R, the line item control number the provider sent. */
  readonly lineControlNumber?: string;
  /** AMT*B6. */
  readonly allowed?: number;
  /** Segment ordinal of the SVC within the interchange. */
  readonly segment: number;
}

/** 2100 claim payment: CLP with its claim-level CAS, MOA/MIA remarks and service lines. */
export interface RemitClaim {
  /** CLP01, the patient control number from the 837 CLM01. */
  readonly patientControlNumber: string;
  /** CLP02: 1/2/3 processed, 4 denied, 19-21 processed and forwarded, 22 reversal, 23 not our claim, 25 predetermination. */
  readonly status: string;
  readonly charge: number;
  readonly paid: number;
  /** CLP05. */
  readonly patientResponsibility?: number;
  /** CLP06 claim filing indicator (MB, 16, MC, ...). */
  readonly filingIndicator?: string;
  /** CLP07, the payer's own claim number. */
  readonly payerClaimControlNumber: string;
  /** CLP09 claim frequency code. */
  readonly frequencyCode?: string;
  /** DTM*232 / DTM*233 claim statement period. */
  readonly statementFrom?: string;
  readonly statementTo?: string;
  readonly adjustments: readonly RemitAdjustment[];
  /** MOA (outpatient) and MIA (inpatient) remark codes. */
  readonly remarks: readonly string[];
  readonly lines: readonly RemitLine[];
  readonly segment: number;
}

/** BPR, TRN and the 1000A/1000B parties: shared by every claim of one transaction set. */
export interface RemitHeader {
  /** BPR01: I remittance with payment, H notification only, ... */
  readonly handlingCode: string;
  readonly totalPaid: number;
  /** BPR03 C credit / D debit. */
  readonly creditDebit: string;
  /** BPR04 ACH, CHK, NON, ... */
  readonly paymentMethod: string;
  /** BPR16 effective payment date. */
  readonly paymentDate?: string;
  /** TRN02 check or EFT trace number, TRN03 payer identifier. */
  readonly traceNumber?: string;
  readonly originatorId?: string;
  /** DTM*405 production date. */
  readonly productionDate?: string;
  readonly payer: { readonly name?: string; readonly id?: string };
  readonly payee: { readonly name?: string; readonly idQualifier?: string; readonly id?: string };
}

/**
 * One claim payment (scope 'claim', with the header of its transaction set) or one problem
 * outside any claim (scope 'envelope': control numbers, counts, header segments, BPR balance).
 */
export interface Remit835Result {
  readonly scope: 'claim' | 'envelope';
  readonly position: X12Position;
  readonly header?: RemitHeader;
  /** CLP01 as written, also when the claim payment fails. */
  readonly patientControlNumber?: string;
  readonly result: Result<RemitClaim, FieldError[]>;
}
