/** What GET /v1/codes/{code}/denial-patterns answers: one view of a fixed lattice, as last published. */

/** The one filter a view may have: none, a payer type, a state or a calendar year of denial. */
export interface PatternFilters {
  readonly payerType?: string;
  readonly state?: string;
  /** Calendar year of the denial month, YYYY. */
  readonly year?: string;
}

/** The promise, in one sentence, on every answer and on the report page (k: FEEDBACK_MIN_CELL). */
export const anonymityGuarantee = (k: number) =>
  `Nothing is shown unless at least ${k} different billers reported it, counts are rounded to a multiple of 5 and refresh on a ` +
  `schedule, and no combination of answers narrows a figure to fewer than ${k} billers.`;

export interface ItemView {
  readonly value: string;
  /** Reports, rounded to a multiple of `rounding`; at least `threshold` distinct reporters stand behind it. */
  readonly reports: number;
  /** reports / the view's (rounded) reports, to 3 places. */
  readonly share: number;
}

export interface DimensionView {
  readonly items: readonly ItemView[];
  /** True when some values are hidden: too few reporters, or a subtraction would single them out. */
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

/** One published view, as the publisher computes it. */
export interface PublishedPatterns {
  readonly reports: number;
  readonly denialReasons: { readonly carc: DimensionView; readonly rarc: DimensionView };
  readonly payerTypes: DimensionView;
  readonly appeals: AppealsView;
  /** What worked, as reporters wrote it (checked for personal data on the way in), de-duplicated, from this view only. */
  readonly strategies: readonly string[];
  readonly coBilledCodes: DimensionView;
  readonly claimflowEdits: DimensionView;
}

interface AnswerBase {
  readonly code: string;
  readonly threshold: number;
  readonly filters: PatternFilters;
  readonly guarantee: string;
  /** Start of the publication the answer comes from (ISO time); null before the first. */
  readonly publishedAsOf: string | null;
}

export interface InsufficientPatterns extends AnswerBase {
  readonly status: 'insufficient';
  readonly message: string;
}

export interface DenialPatterns extends AnswerBase, PublishedPatterns {
  readonly status: 'ok';
  /** Every count is a multiple of this. */
  readonly rounding: number;
}

export type DenialPatternsAnswer = InsufficientPatterns | DenialPatterns;
