import type { PricingClaim } from '../claim/pricing-claim';
import type { Gpci } from '../refdata/tables';
import { err, ok, type Ok, type Result } from '../shared/result';
import type { GpciBreakdown } from './priced-claim';
import { pricingError, type PricingError } from './pricing-error';
import type { PricingTables } from './pricing-tables';

export const NATIONAL_NOTE = 'No locality or ZIP was given: priced with national GPCIs (1.0), not a locality-adjusted amount.';

/** The GPCIs a date of service is priced with, from claim.locality, else the facility or billing ZIP. */
export function gpciFor(
  claim: PricingClaim,
  tables: PricingTables,
  allowNational: boolean,
  notes: string[],
): Result<GpciBreakdown, PricingError> {
  if (claim.locality) return lookup(claim.locality.carrier, claim.locality.locality, 'claim', tables);
  const zip = claim.serviceFacility?.zip ?? claim.billingProvider.zip;
  if (!zip) {
    if (!allowNational)
      return err(pricingError('NO_LOCALITY', 'The claim gives no carrier/locality and no service-facility or billing-provider ZIP.'));
    notes.push(NATIONAL_NOTE);
    return ok(NATIONAL_GPCI);
  }
  if (!tables.zip)
    return err(
      pricingError('NO_RELEASE_IN_FORCE', `No mpfs-zip5 release is in force on ${tables.date} to map ZIP ${zip}.`, {
        dataset: 'mpfs-zip5',
        date: tables.date,
      }),
    );
  const hit = tables.zip.get(zip.slice(0, 5));
  if (!hit)
    return err(
      pricingError('ZIP_UNMAPPED', `ZIP ${zip.slice(0, 5)} maps to no Medicare carrier/locality in ${tables.zip.release.id}.`, {
        dataset: 'mpfs-zip5',
        date: tables.date,
      }),
    );
  notes.push(...tables.zip.release.notes);
  if (hit.needsZip9)
    notes.push(
      `ZIP ${hit.zip} spans more than one locality (needs the ZIP+4 file, not loaded): its ZIP5 default locality ${hit.carrier}-${hit.locality} was used.`,
    );
  return lookup(hit.carrier, hit.locality, 'zip', tables);
}

export const NATIONAL_GPCI: GpciBreakdown = {
  work: 1,
  pe: 1,
  mp: 1,
  locality: { carrier: '', locality: '', name: 'NATIONAL (GPCI 1.0)', source: 'national' },
};

// Built once per GPCI row and source: every claim of a locality shares the same breakdown.
const breakdowns = new WeakMap<Gpci, { claim?: Ok<GpciBreakdown>; zip?: Ok<GpciBreakdown> }>();

export function lookup(
  carrier: string,
  locality: string,
  source: 'claim' | 'zip',
  tables: PricingTables,
): Result<GpciBreakdown, PricingError> {
  const g = tables.gpci.get(carrier, locality);
  if (!g)
    return err(
      pricingError('LOCALITY_UNKNOWN', `Carrier ${carrier} locality ${locality} is not in ${tables.gpci.release.id}.`, {
        dataset: 'mpfs-gpci',
        date: tables.date,
      }),
    );
  let cached = breakdowns.get(g);
  if (!cached) breakdowns.set(g, (cached = {}));
  return (cached[source] ??= ok({
    work: g.work,
    pe: g.pe,
    mp: g.mp,
    locality: { carrier: g.carrier, locality: g.locality, name: g.name, source },
  }));
}
