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

export interface LineResult {
  readonly lineNumber: number;
  readonly code: string;
  readonly modifiers: readonly string[];
  readonly units: number;
  readonly denied: boolean;
  readonly edits: readonly Edit[];
}

export interface ValidationResult {
  readonly claimId: string;
  readonly edits: readonly Edit[];
  readonly lines: readonly LineResult[];
  readonly correctedClaim: Claim;
  readonly releases: readonly string[];
}
