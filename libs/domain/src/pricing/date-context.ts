import type { PricingClaim } from '../claim/pricing-claim';
import { ok, type Result } from '../shared/result';
import type { LineReleases } from './line-finish';
import type { LineRates } from './line-rates';
import { gpciFor } from './locality';
import type { CareSetting, GpciBreakdown } from './priced-claim';
import type { PricingError } from './pricing-error';
import type { PricingTables } from './pricing-tables';

/** Everything a claim's lines of one date of service share: tables, GPCIs, rates and release ids. */
export interface DateContext {
  readonly date: string;
  readonly tables: PricingTables;
  readonly gpci: GpciBreakdown;
  readonly releases: LineReleases;
  readonly rates: Readonly<Record<CareSetting, LineRates>>;
}

export function dateContext(
  claim: PricingClaim,
  date: string,
  tables: PricingTables,
  allowNational: boolean,
  notes: string[],
): Result<DateContext, PricingError> {
  if (tables.notes.length) notes.push(...tables.notes);
  const found = gpciFor(claim, tables, allowNational, notes);
  if (!found.ok) return found;
  const gpci = found.value;
  const conversionFactor = tables.rvu.conversionFactor;
  return ok({
    date,
    tables,
    gpci,
    releases: tables.releases[gpci.locality.source],
    rates: {
      facility: { gpci, conversionFactor, setting: 'facility' },
      'non-facility': { gpci, conversionFactor, setting: 'non-facility' },
    },
  });
}
