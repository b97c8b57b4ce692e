/** What GET /v1/codes/{code}/denial-patterns answers. Every count in it is at least the threshold. */
export interface PatternFilters {
  readonly payerType?: string;
  readonly state?: string;
  /** Inclusive month range, YYYY-MM. */
  readonly from?: string;
  readonly to?: string;
}

export interface ItemView {
  readonly value: string;
  readonly reports: number;
  /** reports / all reports matched, rounded to 3 places. */
  readonly share: number;
}

export interface DimensionView {
  readonly items: readonly ItemView[];
  /** Partitions fold into other reports; multi-valued dimensions into other mentions. */
  readonly other: { readonly reports: number; readonly share: number } | { readonly mentions: number } | null;
  /** True when some values are hidden and their count is too small to show even as "other". */
  readonly suppressed: boolean;
}

export interface AppealsView {
  readonly filed: ItemView | null;
  readonly notFiled: ItemView | null;
  /** Appeals filed / reports; null when the filed count is suppressed. */
  readonly appealRate: number | null;
  /** Outcomes of the appeals filed; null when the filed count is suppressed. */
  readonly outcomes: DimensionView | null;
  /** overturned / (overturned + upheld), pending excluded; null unless both counts are shown. */
  readonly overturnRate: number | null;
}

export interface InsufficientPatterns {
  readonly status: 'insufficient';
  readonly code: string;
  readonly threshold: number;
  readonly filters: PatternFilters;
  /** How many more reports the code needs; null when only the filters are too narrow. */
  readonly reportsNeeded: number | null;
  readonly message: string;
}

export interface DenialPatterns {
  readonly status: 'ok';
  readonly code: string;
  readonly threshold: number;
  readonly filters: PatternFilters;
  readonly reports: number;
  readonly denialReasons: { readonly carc: DimensionView; readonly rarc: DimensionView };
  readonly payerTypes: DimensionView;
  readonly appeals: AppealsView;
  /** What worked, as reporters wrote it (checked for personal data on the way in), de-duplicated. */
  readonly strategies: readonly string[];
  readonly coBilledCodes: DimensionView;
  readonly claimflowEdits: DimensionView;
}

export type DenialPatternsAnswer = InsufficientPatterns | DenialPatterns;
