import type { PricingClaim } from '../claim/pricing-claim';
import type { RefDataCatalog } from '../refdata/catalog';
import { releasePeriod, referenceFeeSchedule } from './excerpt';
import type { PricedClaim, PricedLine, ReferencePrice } from './priced-claim';
import type { PricingOptions } from './pricing-options';
import { pricingTablesFor } from './pricing-tables';
import { priceWith } from './price-with';

const usd = (n: number) => `$${n.toFixed(2)}`;

/**
 * A line whose code a partial fee schedule (the CY2026 excerpt) lacks has no price for its year, which is not $0.00:
 * beside it goes the same code priced alone on the nearest complete fee schedule, labelled as a reference and never
 * counted in the totals, and the claim's notes say the totals leave such lines out.
 */
export function withExcerptReferences(
  claim: PricingClaim,
  priced: PricedClaim,
  catalog: RefDataCatalog,
  options: PricingOptions,
): PricedClaim {
  const missing: PricedLine[] = [];
  const lines = priced.lines.map((line) => {
    if (line.status !== 'no-price') return line;
    const inForce = catalog.resolve('mpfs-rvu', line.dateOfService, { latest: options.refdataFallback === 'latest' });
    if (!inForce.ok || !inForce.value.release.partial || inForce.value.rowsOf(line.code).length > 0) return line;
    missing.push(line);
    const reference = referencePrice(claim, line, catalog, options, releasePeriod(inForce.value.release));
    if (!reference) return line;
    const reason = `${line.reason ?? ''} ${reference.note}`.trim();
    return { ...line, reason, reference };
  });
  if (!missing.length) return priced;
  const first = catalog.resolve('mpfs-rvu', missing[0].dateOfService, { latest: true });
  const period = first.ok ? releasePeriod(first.value.release) : 'its year';
  const note =
    `Line${missing.length > 1 ? 's' : ''} ${missing.map((l) => l.lineNumber).join(', ')} (${[...new Set(missing.map((l) => l.code))].join(', ')}) ` +
    `ha${missing.length > 1 ? 've' : 's'} no ${period} price: not in the ${period} excerpt shipped here. The totals leave ` +
    `${missing.length > 1 ? 'them' : 'it'} out (not $0.00 lines); a reference figure from the nearest full year is beside each.`;
  return { ...priced, lines, notes: [...priced.notes, note] };
}

function referencePrice(
  claim: PricingClaim,
  line: PricedLine,
  catalog: RefDataCatalog,
  options: PricingOptions,
  period: string,
): ReferencePrice | undefined {
  const ref = referenceFeeSchedule(catalog, line.dateOfService);
  const source = claim.lines.find((l) => l.lineNumber === line.lineNumber);
  if (!ref || !source) return undefined;
  const alone: PricingClaim = { ...claim, lines: [{ ...source, dateOfService: ref.date }] };
  const fallback = { ...options, refdataFallback: 'latest' as const };
  const priced = priceWith(alone, undefined, (date) => pricingTablesFor(catalog, date, fallback), fallback);
  if (!priced.ok || priced.value.lines[0].status !== 'priced') return undefined;
  const p = priced.value.lines[0];
  const refPeriod = releasePeriod(ref.release);
  return {
    release: ref.release.id,
    period: refPeriod,
    dateOfService: ref.date,
    allowed: p.allowed,
    medicarePayment: p.medicarePayment,
    note:
      `For reference only, not a ${period} amount: ${refPeriod} (${ref.release.id}, the nearest full year) allows ` +
      `${usd(p.allowed)} for ${line.code} alone here (Medicare pays ${usd(p.medicarePayment)}); not counted in the totals.`,
  };
}
