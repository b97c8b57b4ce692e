import type { IsoDate } from '../shared/dates';
import type { Adjustment, CareSetting, LineStatus, PricingLocality } from './priced-claim';

export interface FeeLookupOptions {
  /** '26' or 'TC'; absent = global. */
  readonly modifier?: string;
  readonly carrier?: string;
  readonly locality?: string;
  readonly zip?: string;
  /** Place of service for the chosen setting (default 11, office: non-facility). */
  readonly pos?: string;
  /** Date of service; absent = today (with the newest loaded release when none is in force today). */
  readonly date?: IsoDate;
  /** Use the newest loaded release when none is in force on the date. */
  readonly latest?: boolean;
}

/** null = not payable in that setting (NA) or not payable at all (see status). */
export interface SettingAmounts {
  readonly nonFacility: number | null;
  readonly facility: number | null;
}

export interface FeeComponent {
  readonly modifier: '' | '26' | 'TC';
  readonly label: 'global' | 'professional (26)' | 'technical (TC)';
  readonly status: string;
  readonly rvus: {
    readonly work: number;
    readonly nonFacilityPe: number;
    readonly facilityPe: number;
    readonly mp: number;
    readonly nonFacilityTotal: number;
    readonly facilityTotal: number;
  };
  readonly participating: SettingAmounts;
  readonly limitingCharge: SettingAmounts;
}

export interface FeeLookup {
  readonly code: string;
  readonly date: IsoDate;
  readonly conversionFactor: number;
  readonly locality: PricingLocality;
  readonly gpci: { readonly work: number; readonly pe: number; readonly mp: number };
  readonly indicators: {
    readonly pctc: string;
    readonly globalDays: string;
    readonly multipleProcedure: string;
    readonly bilateral: string;
    readonly assistant: string;
    readonly coSurgeon: string;
    readonly team: string;
    readonly endoscopicBase: string;
  };
  readonly components: readonly FeeComponent[];
  readonly chosen: {
    readonly modifier: string;
    readonly pos: string;
    readonly setting: CareSetting;
    readonly status: LineStatus;
    readonly reason?: string;
    readonly allowed: number;
    readonly medicarePayment: number;
    readonly coinsurance: number;
    readonly limitingCharge: number;
    readonly adjustments: readonly Adjustment[];
  };
  readonly releases: readonly string[];
  readonly notes: readonly string[];
  /**
   * Set when the fee schedule in force on the asked date is a partial excerpt that lacks the code: every figure
   * above is then the nearest full year's, for reference, and `date` is a date of that year.
   */
  readonly excerpt?: {
    readonly requestedDate: IsoDate;
    readonly release: string;
    readonly period: string;
    readonly note: string;
  };
}
