import type { Claim } from '../claim/claim.schema';
import type { RefDataCatalog } from '../refdata/catalog';
import { buildContext } from './build-context';
import { completeValidation } from './complete-validation';
import type { ValidateOptions } from './dos-tables';
import type { ValidationResult } from './edit';
import { notCheckedOf } from './outcome';
import { addonRule } from './rules/addon.rule';
import { codeStatusRule } from './rules/code-status.rule';
import { documentationRule } from './rules/documentation.rule';
import { facilityPackagedRule } from './rules/facility-packaged.rule';
import { guidanceRule } from './rules/guidance.rule';
import { modifierUseRule } from './rules/modifier-use.rule';
import { mueRule } from './rules/mue.rule';
import { pctcRule } from './rules/pctc.rule';
import { ptpRule } from './rules/ptp.rule';
import type { Rule } from './validation-context';

export const VALIDATION_RULES: readonly Rule[] = [
  codeStatusRule,
  ptpRule,
  modifierUseRule,
  mueRule,
  addonRule,
  guidanceRule,
  pctcRule,
  facilityPackagedRule,
  documentationRule,
];

/** Scrubs one claim against the reference data in force on each date of service. Pure: no I/O. */
export function validateClaim(claim: Claim, catalog: RefDataCatalog, options: ValidateOptions = {}): ValidationResult {
  const releases = new Set<string>();
  const ctx = buildContext(claim, catalog, options.refdataFallback ?? 'strict', releases);
  for (const rule of VALIDATION_RULES) rule(ctx);
  const edits = ctx.edits;
  for (const e of edits) {
    // Our own rule tables (CPT guidance, CMS policy) count as releases used once they produce an edit.
    if (e.source.release !== 'none') releases.add(e.source.release);
  }
  return completeValidation(claim, { edits, notChecked: notCheckedOf(ctx.gaps), releases: [...releases] });
}
