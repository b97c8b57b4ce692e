import type { Claim } from '../claim/claim.schema';
import type { RefDataCatalog } from '../refdata/catalog';
import type { ReleaseInfo } from '../refdata/release';
import type { RvuRow } from '../refdata/tables';
import { err, ok, type Result } from '../shared/result';
import type { FeeComponent, FeeLookup, FeeLookupOptions, SettingAmounts } from './fee-lookup.types';
import { isNaIn, rowFeeCents, type LineRates } from './line-rates';
import { gpciFor } from './locality';
import { toDollars } from './money';
import { splitPayment } from './payment-split';
import { priceClaim } from './price-claim';
import type { CareSetting, GpciBreakdown } from './priced-claim';
import { pricingError, type PricingError } from './pricing-error';
import { pricingTablesFor } from './pricing-tables';
import { notInExcerpt, referenceFeeSchedule, releasePeriod } from './excerpt';
import { statusOutcome } from './status-policy';

export * from './fee-lookup.types';

const LABELS = { '': 'global', '26': 'professional (26)', TC: 'technical (TC)' } as const;

/** The fee schedule calculator: one code, its global/26/TC amounts in both settings, and the chosen line priced. */
export function feeLookup(code: string, options: FeeLookupOptions, catalog: RefDataCatalog): Result<FeeLookup, PricingError> {
  if (catalog.releases('mpfs-rvu').length === 0)
    return err(pricingError('NO_RELEASE_IN_FORCE', 'No fee schedule release is loaded.', { dataset: 'mpfs-rvu' }));
  // A look-up without a date is for today's date of service.
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const fallback = options.latest || !options.date ? 'latest' : 'strict';
  const tables = pricingTablesFor(catalog, date, { refdataFallback: fallback });
  if (!tables.ok) return tables;
  const claim = lookupClaim(code, options, date);
  const notes = [...tables.value.notes];
  const gpci = gpciFor(claim, tables.value, true, notes);
  if (!gpci.ok) return gpci;
  const rows = (['', '26', 'TC'] as const).map((m) => tables.value.rvu.get(code, m)).filter((r): r is RvuRow => r !== undefined);
  if (rows.length === 0 && tables.value.rvu.release.partial) return fromReference(code, options, date, tables.value.rvu.release, catalog);
  if (rows.length === 0)
    return err(
      pricingError('CODE_UNKNOWN', `${code} is not in fee schedule ${tables.value.rvu.release.id}.`, { dataset: 'mpfs-rvu', date }),
    );
  const priced = priceClaim(claim, undefined, catalog, { refdataFallback: fallback, allowNational: true, lowerOfCharge: false });
  if (!priced.ok) return priced;
  const line = priced.value.lines[0];
  const cf = tables.value.rvu.conversionFactor;
  const r0 = rows[0];
  return ok({
    code,
    date,
    conversionFactor: cf,
    locality: gpci.value.locality,
    gpci: { work: gpci.value.work, pe: gpci.value.pe, mp: gpci.value.mp },
    indicators: {
      pctc: r0.pctcIndicator,
      globalDays: r0.globalDays,
      multipleProcedure: r0.multipleProcedure,
      bilateral: r0.bilateral,
      assistant: r0.assistant,
      coSurgeon: r0.coSurgeon,
      team: r0.team,
      endoscopicBase: r0.endoscopicBase,
    },
    components: rows.map((r) => component(r, gpci.value, cf)),
    chosen: {
      modifier: options.modifier ?? '',
      pos: claim.placeOfService,
      setting: line.setting,
      status: line.status,
      ...(line.reason ? { reason: line.reason } : {}),
      allowed: line.allowed,
      medicarePayment: line.medicarePayment,
      coinsurance: line.coinsurance,
      limitingCharge: line.limitingCharge,
      adjustments: line.breakdown?.adjustments ?? [],
    },
    releases: priced.value.releases,
    notes: [...new Set([...notes, ...priced.value.notes])],
  });
}

/** A code the partial fee schedule of the date lacks: the nearest full year's figures, labelled, never a "not in the fee schedule". */
function fromReference(
  code: string,
  options: FeeLookupOptions,
  date: string,
  partial: ReleaseInfo,
  catalog: RefDataCatalog,
): Result<FeeLookup, PricingError> {
  const missing = notInExcerpt(code, partial);
  const ref = referenceFeeSchedule(catalog, date);
  const looked = ref ? feeLookup(code, { ...options, date: ref.date, latest: true }, catalog) : undefined;
  if (!ref || !looked?.ok)
    return err(
      pricingError('CODE_NOT_IN_EXCERPT', `${missing}, and no complete fee schedule holding it is loaded.`, { dataset: 'mpfs-rvu', date }),
    );
  const period = releasePeriod(ref.release);
  const note = `${missing}. The figures shown are ${period}'s (${ref.release.id}, the nearest full year), for reference only: not ${releasePeriod(partial)} amounts.`;
  return ok({ ...looked.value, excerpt: { requestedDate: date, release: partial.id, period, note } });
}

function component(row: RvuRow, gpci: GpciBreakdown, conversionFactor: number): FeeComponent {
  const payable = statusOutcome(row.status) === undefined;
  const amount = (setting: CareSetting, pick: (cents: number) => number): number | null => {
    if (!payable || isNaIn(row, setting)) return null;
    const rates: LineRates = { gpci, conversionFactor, setting };
    return pick(rowFeeCents(row, rates));
  };
  const both = (pick: (cents: number) => number): SettingAmounts => ({
    nonFacility: amount('non-facility', pick),
    facility: amount('facility', pick),
  });
  const modifier = row.modifier as FeeComponent['modifier'];
  return {
    modifier,
    label: LABELS[modifier],
    status: row.status,
    rvus: {
      work: row.workRvu,
      nonFacilityPe: row.nonFacilityPeRvu,
      facilityPe: row.facilityPeRvu,
      mp: row.mpRvu,
      nonFacilityTotal: row.nonFacilityTotal,
      facilityTotal: row.facilityTotal,
    },
    participating: both(toDollars),
    limitingCharge: both((cents) => splitPayment(cents).limitingCharge),
  };
}

function lookupClaim(code: string, o: FeeLookupOptions, date: string): Claim {
  const pos = o.pos ?? '11';
  return {
    claimId: `fee-${code}`,
    submitterClaimId: `fee-${code}`,
    claimType: 'professional',
    frequencyCode: '1',
    placeOfService: pos,
    payer: { type: 'medicare-part-b' },
    billingProvider: { npi: '0000000000', ...(o.zip ? { zip: o.zip } : {}) },
    ...(o.carrier && o.locality ? { locality: { carrier: o.carrier, locality: o.locality } } : {}),
    diagnoses: [],
    lines: [
      {
        lineNumber: 1,
        code,
        modifiers: o.modifier ? [o.modifier] : [],
        units: 1,
        dateOfService: date,
        placeOfService: pos,
        diagnosisPointers: [],
      },
    ],
  };
}
