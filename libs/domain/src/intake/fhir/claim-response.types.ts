import type { NotChecked, Outcome } from '../../validation/edit';

/**
 * The smallest outcome toFhirClaimResponse needs; the lead maps ValidationResult and the
 * pricing result into it (allowed = MPFS allowed amount, medicarePayment = Medicare's share).
 */
export interface OutcomeEdit {
  readonly code: string;
  readonly severity: 'deny' | 'warn' | 'info';
  readonly message: string;
}

export interface LineOutcome {
  readonly lineNumber: number;
  /** clean, denied or incomplete (some edit family not checked against the release in force). */
  readonly outcome?: Outcome;
  readonly allowed: number;
  readonly medicarePayment: number;
  readonly edits: readonly OutcomeEdit[];
}

export interface ClaimOutcome {
  /** When the response was made, ISO date-time; passed in so the mapping stays pure. */
  readonly created: string;
  readonly lines: readonly LineOutcome[];
  /** Edits that concern the whole claim rather than one line. */
  readonly claimEdits?: readonly OutcomeEdit[];
  /** Medicare's share of the allowed amount, in percent; 80 for Part B after the deductible. */
  readonly benefitPercent?: number;
  /** The check's outcome and what was not checked (ValidationResult's fields of the same names). */
  readonly checked?: { readonly outcome: Outcome; readonly notChecked: readonly NotChecked[]; readonly refreshCommand?: string };
}

export interface FhirCoding {
  readonly system?: string;
  readonly code: string;
  readonly display?: string;
}

export interface FhirCodeableConcept {
  readonly coding: readonly FhirCoding[];
  readonly text?: string;
}

export interface FhirMoney {
  readonly value: number;
  readonly currency: 'USD';
}

export interface FhirAdjudication {
  readonly category: FhirCodeableConcept;
  readonly reason?: FhirCodeableConcept;
  readonly amount?: FhirMoney;
  readonly value?: number;
}

export interface FhirReference {
  readonly reference?: string;
  readonly identifier?: { readonly system?: string; readonly value: string };
  readonly display?: string;
}

export interface FhirClaimResponse {
  readonly resourceType: 'ClaimResponse';
  readonly id: string;
  readonly status: 'active';
  readonly type: FhirCodeableConcept;
  readonly use: 'claim';
  readonly patient: FhirReference;
  readonly created: string;
  readonly insurer: FhirReference;
  readonly requestor: FhirReference;
  readonly request: FhirReference;
  /** complete: fully checked and clean; error: lines denied; partial: nothing denied, but not fully checked. */
  readonly outcome: 'complete' | 'error' | 'partial';
  readonly disposition: string;
  readonly item: readonly {
    readonly itemSequence: number;
    readonly noteNumber?: readonly number[];
    readonly adjudication: readonly FhirAdjudication[];
  }[];
  readonly total: readonly { readonly category: FhirCodeableConcept; readonly amount: FhirMoney }[];
  readonly processNote?: readonly { readonly number: number; readonly type: 'display'; readonly text: string }[];
}
