import type { ReleaseInfo } from './release';

/** One row of the PPRRVU file (per HCPCS and modifier). DESCRIPTION is deliberately absent (AMA). */
export interface RvuRow {
  readonly hcpcs: string;
  readonly modifier: string; // '' | '26' | 'TC' | '53' ...
  readonly status: string; // A, R, T, B, I, N, X, C, E, M, P, J ...
  readonly notUsedForMedicare: boolean;
  readonly workRvu: number;
  readonly nonFacilityPeRvu: number;
  readonly nonFacilityNa: boolean;
  readonly facilityPeRvu: number;
  readonly facilityNa: boolean;
  readonly mpRvu: number;
  readonly nonFacilityTotal: number;
  readonly facilityTotal: number;
  readonly pctcIndicator: string; // 0-9
  readonly globalDays: string; // 000, 010, 090, XXX, YYY, ZZZ, MMM
  readonly multipleProcedure: string; // 0-9
  readonly bilateral: string;
  readonly assistant: string;
  readonly coSurgeon: string;
  readonly team: string;
  readonly endoscopicBase: string;
  readonly conversionFactor: number;
  readonly physicianSupervision: string;
  readonly diagnosticImagingFamily: string;
  readonly oppsNonFacilityPe: number;
  readonly oppsFacilityPe: number;
  readonly oppsMp: number;
  /** PRIC IND, present from the CY2026 layout on. */
  readonly pricingIndicator?: string;
}

export interface FeeScheduleTable {
  readonly release: ReleaseInfo;
  readonly conversionFactor: number;
  get(hcpcs: string, modifier?: string): RvuRow | undefined;
  /** Every row of a code: global, 26, TC, 53. */
  rowsOf(hcpcs: string): readonly RvuRow[];
  readonly size: number;
}

export interface Gpci {
  readonly carrier: string; // 5 digits, e.g. "01112"
  readonly locality: string; // 2 digits, e.g. "05"
  readonly state: string;
  readonly name: string;
  readonly work: number;
  readonly pe: number;
  readonly mp: number;
}

export interface GpciTable {
  readonly release: ReleaseInfo;
  get(carrier: string, locality: string): Gpci | undefined;
  all(): readonly Gpci[];
}

export interface ZipLocality {
  readonly zip: string;
  readonly state: string;
  readonly carrier: string;
  readonly locality: string;
  readonly rural: '' | 'R' | 'B';
  readonly needsZip9: boolean;
}

export interface ZipLocalityTable {
  readonly release: ReleaseInfo;
  get(zip5: string): ZipLocality | undefined;
  readonly size: number;
}

export interface OppsCapPrice {
  readonly facility: number;
  readonly nonFacility: number;
}

export interface OppsCapTable {
  readonly release: ReleaseInfo;
  get(hcpcs: string, modifier: string, carrier: string, locality: string): OppsCapPrice | undefined;
  has(hcpcs: string, modifier: string): boolean;
}

export type ModifierIndicator = '0' | '1' | '9';

export interface PtpEdit {
  readonly column1: string;
  readonly column2: string;
  /** YYYYMMDD; null when the source release does not carry effective dates. */
  readonly effective: number | null;
  /** YYYYMMDD; null = not deleted. */
  readonly deletion: number | null;
  readonly modifierIndicator: ModifierIndicator;
  readonly rationale: string;
}

export interface PtpTable {
  readonly release: ReleaseInfo;
  /** The edit for column1/column2 in force on dos (YYYYMMDD), if any. */
  find(column1: string, column2: string, dos: number): PtpEdit | undefined;
  /** Edits in force on dos where code is column 1 (resp. column 2). */
  asColumn1(code: string, dos: number): PtpEdit[];
  asColumn2(code: string, dos: number): PtpEdit[];
  readonly size: number;
}

export type MueAdjudicationIndicator = 1 | 2 | 3;

export interface MueEntry {
  readonly code: string;
  readonly value: number;
  readonly mai: MueAdjudicationIndicator;
  readonly rationale: string;
}

export interface MueTable {
  readonly release: ReleaseInfo;
  get(code: string): MueEntry | undefined;
  readonly size: number;
}

export type AddonType = 1 | 2 | 3;

export interface AddonEntry {
  readonly addon: string;
  readonly type: AddonType;
  /** Listed primary codes; empty for type 2 (CMS writes CCCCC). */
  readonly primaries: readonly string[];
}

export interface AddonTable {
  readonly release: ReleaseInfo;
  get(addon: string): AddonEntry | undefined;
  readonly size: number;
}

export interface AnesthesiaCf {
  readonly carrier: string;
  readonly locality: string;
  readonly conversionFactor: number;
}

export interface AnesthesiaTable {
  readonly release: ReleaseInfo;
  readonly nationalConversionFactor: number;
  get(carrier: string, locality: string): AnesthesiaCf | undefined;
}
