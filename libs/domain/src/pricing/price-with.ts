import type { PricingClaim } from '../claim/pricing-claim';
import type { IsoDate } from '../shared/dates';
import { ok, type Result } from '../shared/result';
import { dateContext, type DateContext } from './date-context';
import { applyInjectionRule } from './injection-rule';
import { finishLine } from './line-finish';
import { startLine } from './line-start';
import { adjust, type LineWork } from './line-work';
import { percentOf, toCents, toDollars } from './money';
import { applyMultipleProcedureRules } from './multiple-procedure';
import { applyActualCharge, applyOppsCap } from './opps-cap';
import type { PricedClaim, PricedLine } from './priced-claim';
import type { PricingError } from './pricing-error';
import type { PricingOptions } from './pricing-options';
import type { PricingTables } from './pricing-tables';
import { surgicalRole } from './surgical-role';
import type { ValidationInput } from './validation-input';

export type TablesFor = (date: IsoDate) => Result<PricingTables, PricingError>;

/**
 * Prices a claim under the Medicare Physician Fee Schedule in force on each line's date of service.
 * Adjustments apply in CMS's order: bilateral, multiple procedure, surgical role, OPPS cap, then
 * the lower of the actual charge.
 */
export function priceWith(
  claim: PricingClaim,
  validation: ValidationInput | undefined,
  tablesFor: TablesFor,
  options: PricingOptions,
): Result<PricedClaim, PricingError> {
  const notes: string[] = [];
  const contexts: DateContext[] = [];
  const works: LineWork[] = [];
  const ctxOf: DateContext[] = [];
  for (let index = 0; index < claim.lines.length; index++) {
    const line = claim.lines[index];
    // Claims rarely span more than a few dates: a short scan beats a Map.
    let ctx = contexts.find((c) => c.date === line.dateOfService);
    if (!ctx) {
      const tables = tablesFor(line.dateOfService);
      if (!tables.ok) return tables;
      const made = dateContext(claim, line.dateOfService, tables.value, options.allowNational ?? false, notes);
      if (!made.ok) return made;
      ctx = made.value;
      contexts.push(ctx);
    }
    const v = validation?.lines.find((l) => l.lineNumber === line.lineNumber);
    works.push(startLine(index, line, claim, ctx, v));
    ctxOf.push(ctx);
  }
  applyInjectionRule(works);
  applyMultipleProcedureRules(works);
  const lowerOfCharge = options.lowerOfCharge ?? true;
  for (const w of works) {
    if (w.status !== 'priced') continue;
    const role = w.row && w.line.modifiers.length ? surgicalRole(w.row, w.line.modifiers) : undefined;
    if (role?.kind === 'factor') adjust(w, role.adjustment, role.factor.description, percentOf(w.amount, role.factor.basisPoints));
    applyOppsCap(w, notes);
    if (lowerOfCharge) applyActualCharge(w);
  }
  const lines = works.map((w, i) => finishLine(w, ctxOf[i].releases));
  const releases = contexts.length === 1 ? contexts[0].releases.nonFacility : [...new Set(contexts.flatMap((c) => c.releases.nonFacility))];
  return ok({ claimId: claim.claimId, lines, totals: totalsOf(lines), notes: notes.length > 1 ? [...new Set(notes)] : notes, releases });
}

function totalsOf(lines: readonly PricedLine[]): PricedClaim['totals'] {
  let allowed = 0;
  let medicare = 0;
  let coinsurance = 0;
  for (const l of lines) {
    allowed += toCents(l.allowed);
    medicare += toCents(l.medicarePayment);
    coinsurance += toCents(l.coinsurance);
  }
  return { allowed: toDollars(allowed), medicarePayment: toDollars(medicare), coinsurance: toDollars(coinsurance) };
}
