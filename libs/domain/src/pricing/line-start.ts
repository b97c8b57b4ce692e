import type { PricingClaim, PricingLine } from '../claim/pricing-claim';
import { bilateralFactor } from './bilateral';
import type { DateContext } from './date-context';
import { isNaIn, rowFeeCents } from './line-rates';
import { adjust, type LineWork } from './line-work';
import { percentOf } from './money';
import { deniedReason } from './priced-claim';
import { selectRow } from './select-row';
import { settingOf } from './setting';
import { statusOutcome } from './status-policy';
import { surgicalRole } from './surgical-role';
import { denyingEdits, type LineValidation } from './validation-input';

/** A line's own pricing: row, status, setting, surgical role and bilateral; claim-wide rules come after. */
export function startLine(index: number, line: PricingLine, claim: PricingClaim, ctx: DateContext, validation?: LineValidation): LineWork {
  const { tables } = ctx;
  const rates = ctx.rates[settingOf(line, claim)];
  // Assistants and co-surgeons are ranked apart from the surgeon even under one NPI.
  const npi = line.renderingProviderNpi ?? claim.renderingProviderNpi ?? claim.billingProvider.npi;
  const provider = line.modifiers.length ? npi + roleSuffix(line.modifiers) : npi;
  const work: LineWork = { index, line, provider, tables, rates, unitCents: 0, perUnit: 0, amount: 0, adjustments: [], status: 'priced' };
  const row = selectRow(tables.rvu, line.code, line.modifiers);
  if (row.ok) {
    work.row = row.value;
    work.unitCents = rowFeeCents(row.value, rates);
  }
  const stop = (status: LineWork['status'], reason: string) => Object.assign(work, { status, reason });
  if (validation?.denied) {
    const codes = denyingEdits(validation);
    work.deniedBy = codes;
    return stop('denied', deniedReason(codes));
  }
  if (!row.ok) return stop(row.error.status, row.error.reason);
  const r = row.value;
  const status = statusOutcome(r.status);
  if (status) return stop(status.status, status.reason);
  if (isNaIn(r, rates.setting)) {
    const label = `${r.hcpcs}${r.modifier ? '-' + r.modifier : ''}`;
    return stop('no-price', `${label} has no ${rates.setting} payment (NA indicator in ${tables.rvu.release.id}).`);
  }
  const role = surgicalRole(r, line.modifiers);
  if (role?.kind === 'unpriceable') return stop(role.outcome.status, role.outcome.reason);
  work.amount = work.unitCents * line.units;
  work.perUnit = work.unitCents;
  const bilateral = bilateralFactor(r, line.modifiers);
  if (bilateral) {
    work.perUnit = percentOf(work.unitCents, bilateral.basisPoints);
    adjust(work, 'bilateral', bilateral.description, work.perUnit * line.units);
  }
  return work;
}

function roleSuffix(modifiers: readonly string[]): string {
  if (modifiers.some((m) => m === '80' || m === '81' || m === '82' || m === 'AS')) return '#assistant';
  return modifiers.includes('62') ? '#co-surgeon' : '';
}
