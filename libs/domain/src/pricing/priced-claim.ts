import type { IsoDate } from '../shared/dates';

export type CareSetting = 'facility' | 'non-facility';
export type LineStatus = 'priced' | 'denied' | 'not-payable' | 'no-price';
export type LocalitySource = 'claim' | 'zip' | 'national';

export type AdjustmentKind =
  'bilateral' | 'multiple-procedure' | 'endoscopic-family' | 'assistant-at-surgery' | 'co-surgeon' | 'opps-cap' | 'actual-charge';

export interface Adjustment {
  readonly kind: AdjustmentKind;
  readonly description: string;
  /** amountAfter / amountBefore, to 4 decimals. */
  readonly factor: number;
  readonly amountBefore: number;
  readonly amountAfter: number;
}

export interface RvuBreakdown {
  readonly work: number;
  readonly pe: number;
  readonly mp: number;
  readonly total: number;
}

export interface PricingLocality {
  readonly carrier: string;
  readonly locality: string;
  readonly name: string;
  readonly source: LocalitySource;
}

export interface GpciBreakdown {
  readonly work: number;
  readonly pe: number;
  readonly mp: number;
  readonly locality: PricingLocality;
}

export interface LineBreakdown {
  readonly rvus: RvuBreakdown;
  readonly gpci: GpciBreakdown;
  readonly conversionFactor: number;
  /** Fee schedule amount for one unit, before any adjustment. */
  readonly unitPrice: number;
  readonly adjustments: readonly Adjustment[];
  readonly releases: readonly string[];
}

export interface PricedLine {
  readonly lineNumber: number;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly dateOfService: IsoDate;
  readonly setting: CareSetting;
  /** Dollars, 2 decimals. */
  readonly allowed: number;
  readonly medicarePayment: number;
  readonly coinsurance: number;
  readonly limitingCharge: number;
  readonly status: LineStatus;
  readonly reason?: string;
  readonly deniedBy?: readonly string[];
  /** Absent when the line never reached the fee schedule (denied before pricing, unknown code). */
  readonly breakdown?: LineBreakdown;
  /** A code the partial fee schedule of its year lacks: the nearest full year's figure, for reference only. */
  readonly reference?: ReferencePrice;
}

/** Why a line the validator denied is not priced, naming the denying edits (PricedLine.reason of a denied line). */
export const deniedReason = (deniedBy: readonly string[]): string => `Denied by the validator: ${deniedBy.join(', ') || 'no edit named'}.`;

/** The same code priced alone on the nearest complete fee schedule; never counted in the totals. */
export interface ReferencePrice {
  readonly release: string;
  /** CY2025 */
  readonly period: string;
  readonly dateOfService: IsoDate;
  readonly allowed: number;
  readonly medicarePayment: number;
  /** Says plainly that this is a reference, which year, and that the totals leave it out. */
  readonly note: string;
}

export interface ClaimTotals {
  readonly allowed: number;
  readonly medicarePayment: number;
  readonly coinsurance: number;
}

export interface PricedClaim {
  readonly claimId: string;
  readonly lines: readonly PricedLine[];
  readonly totals: ClaimTotals;
  readonly notes: readonly string[];
  readonly releases: readonly string[];
}
