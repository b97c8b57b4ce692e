import type { Dataset } from '../refdata/release';
import type { Claim } from '../claim/claim.schema';

export type EditCode =
  | 'CODE_UNKNOWN'
  | 'CODE_DELETED'
  | 'CODE_NOT_PAYABLE'
  | 'PTP_BUNDLED'
  | 'MUE_EXCEEDED'
  | 'ADDON_WITHOUT_PRIMARY'
  | 'ADDON_MODIFIER_51'
  | 'GUIDANCE_INCLUDED'
  | 'PCTC_MODIFIER'
  | 'FACILITY_PACKAGED'
  | 'DOCUMENTATION'
  | 'MODIFIER_INVALID'
  | 'REFDATA_UNAVAILABLE';

export type Severity = 'deny' | 'warn' | 'info';

export type FixAction = 'remove-line' | 'add-modifier' | 'remove-modifier' | 'replace-code' | 'reduce-units' | 'none';

export interface EditSource {
  readonly dataset: Dataset | 'cpt-guidance' | 'cms-policy';
  readonly release: string;
  readonly effective?: string | null;
  readonly deletion?: string | null;
  readonly modifierIndicator?: string;
  readonly adjudicationIndicator?: number;
  readonly rationale?: string;
  readonly notes?: readonly string[];
}

export interface EditFix {
  readonly action: FixAction;
  readonly detail: string;
  /** Only fixes with one right answer are applied to the proposed corrected claim. */
  readonly automatic: boolean;
  readonly modifier?: string;
  readonly replacementCode?: string;
  readonly units?: number;
}

export interface Edit {
  readonly code: EditCode;
  readonly severity: Severity;
  readonly lines: readonly number[];
  readonly message: string;
  readonly source: EditSource;
  readonly fix: EditFix;
}

/**
 * Three outcomes, never two. clean: every edit family was checked against the release in force and nothing is
 * denied; denied: at least one deny edit; incomplete: nothing denied, but some edit family could not be checked
 * against the release in force (none loaded, a stand-in release, or a partial excerpt), so "no edit" proves nothing.
 */
export type Outcome = 'clean' | 'denied' | 'incomplete';

/** Why an edit family was not fully checked on some lines. */
export type NotCheckedReason = 'no-release' | 'stand-in' | 'partial';

/** One edit family (dataset) that was not checked against the release in force, and where. */
export interface NotChecked {
  readonly dataset: Dataset;
  /** What the family checks, in words ("practitioner procedure-to-procedure (bundling) edits"). */
  readonly family: string;
  readonly reason: NotCheckedReason;
  /** The stand-in or partial release used, if any. */
  readonly release?: string;
  readonly lines: readonly number[];
  readonly from: string;
  readonly to: string;
  /** stand-in: the span the release used is valid for (validTo null: open-ended), which does not cover these dates. */
  readonly validFrom?: string;
  readonly validTo?: string | null;
  /** stand-in, partial: the caveats the release used carries (its notes), when it has any. */
  readonly notes?: readonly string[];
  /** no-release: the releases of the dataset that are loaded, none in force on these dates (empty: none at all). */
  readonly loaded?: readonly string[];
}

export interface LineResult {
  readonly lineNumber: number;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly denied: boolean;
  readonly outcome: Outcome;
  /** The edit families not checked against the release in force for this line. */
  readonly notChecked: readonly Dataset[];
  readonly edits: readonly Edit[];
}

export interface ValidationResult {
  readonly claimId: string;
  readonly edits: readonly Edit[];
  readonly lines: readonly LineResult[];
  readonly correctedClaim: Claim;
  readonly releases: readonly string[];
  /** denied when any line (or the claim) is denied, else incomplete when any family was not checked, else clean. */
  readonly outcome: Outcome;
  readonly notChecked: readonly NotChecked[];
  /** When something was not checked: the one command that loads the releases missing (`claimflow refdata update ...`). */
  readonly refreshCommand?: string;
}
