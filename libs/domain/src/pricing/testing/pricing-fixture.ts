import { RefDataCatalog } from '../../refdata/catalog';
import type { Gpci } from '../../refdata/tables';
import type { Claim, ClaimLine } from '../../claim/claim.schema';
import { ROWS_2025, ROWS_2026 } from './fixture-rows';
import { addonTable, feeScheduleTable, gpciTable, oppsCapTable, zipTable } from './in-memory-tables';

/** Real CY2025 / CY2026 figures (GPCI2025.csv, GPCI2026.csv, ZIP5_OCT2025.txt, OPPSCAP_Oct.csv). */
const gpci = (carrier: string, locality: string, state: string, name: string, work: number, pe: number, mp: number): Gpci => ({
  carrier,
  locality,
  state,
  name,
  work,
  pe,
  mp,
});

export const ALABAMA_2025 = gpci('10112', '00', 'AL', 'ALABAMA', 1, 0.869, 0.575);
export const LOS_ANGELES_2025 = gpci('01182', '18', 'CA', 'LOS ANGELES-LONG BEACH-ANAHEIM (LOS ANGELES/ORANGE CNTY)', 1.042, 1.194, 0.69);
export const MANHATTAN_2025 = gpci('13202', '01', 'NY', 'MANHATTAN', 1.065, 1.166, 1.656);
export const ALABAMA_2026 = gpci('10112', '00', 'AL', 'ALABAMA', 1, 0.875, 0.566);

const R2025 = { id: 'MPFS-2025-RVU25D', validFrom: '2025-01-01', validTo: '2025-12-31' };
const R2026 = { id: 'MPFS-2026-RVU26C', validFrom: '2026-01-01', validTo: '2026-12-31', partial: true };

export interface FixtureOptions {
  readonly withZip?: boolean;
  readonly withOppsCap?: boolean;
  readonly withAddon?: boolean;
  readonly with2026?: boolean;
}

export function pricingCatalog(o: FixtureOptions = {}): RefDataCatalog {
  const c = new RefDataCatalog()
    .add('mpfs-rvu', feeScheduleTable(R2025, 32.3465, ROWS_2025))
    .add('mpfs-gpci', gpciTable({ ...R2025, id: 'GPCI-2025' }, [ALABAMA_2025, LOS_ANGELES_2025, MANHATTAN_2025]));
  if (o.withZip ?? true) {
    c.add(
      'mpfs-zip5',
      zipTable({ ...R2025, id: 'ZIP5-2025Q4' }, [
        { zip: '35203', state: 'AL', carrier: '10112', locality: '00', rural: '', needsZip9: false },
        { zip: '90012', state: 'CA', carrier: '01182', locality: '18', rural: '', needsZip9: false },
        { zip: '35958', state: 'AL', carrier: '10112', locality: '00', rural: 'R', needsZip9: true },
        { zip: '99999', state: 'XX', carrier: '99999', locality: '99', rural: '', needsZip9: false },
      ]),
    );
  }
  if (o.withOppsCap ?? true) {
    c.add(
      'mpfs-oppscap',
      oppsCapTable({ ...R2025, id: 'OPPSCAP-2025-OCT' }, [
        { hcpcs: '70496', modifier: '', carrier: '01182', locality: '18', facility: 297.42, nonFacility: 297.42 },
        { hcpcs: '70496', modifier: 'TC', carrier: '01182', locality: '18', facility: 212.32, nonFacility: 212.32 },
        { hcpcs: '70496', modifier: '', carrier: '10112', locality: '00', facility: 230.4, nonFacility: 230.4 },
        { hcpcs: '70496', modifier: 'TC', carrier: '10112', locality: '00', facility: 154.6, nonFacility: 154.6 },
      ]),
    );
  }
  if (o.withAddon ?? true)
    c.add('ncci-addon', addonTable({ id: 'NCCI-2024Q3', validFrom: '2025-01-01' }, [{ addon: '64484', type: 1, primaries: ['64483'] }]));
  if (o.with2026) {
    c.add('mpfs-rvu', feeScheduleTable(R2026, 33.4009, ROWS_2026));
    c.add('mpfs-gpci', gpciTable({ ...R2026, id: 'GPCI-2026', partial: false }, [ALABAMA_2026]));
  }
  return c;
}

export type LineSpec = Partial<ClaimLine> & Pick<ClaimLine, 'code'>;

/** A professional Medicare claim with the given lines (line numbers in order, 2025-03-10 by default). */
export function fixtureClaim(lines: readonly LineSpec[], claim: Partial<Claim> = {}): Claim {
  return {
    claimId: 'CLM-TEST',
    submitterClaimId: 'SUB-1',
    claimType: 'professional',
    frequencyCode: '1',
    placeOfService: '11',
    payer: { type: 'medicare-part-b' },
    billingProvider: { npi: '1234567893' },
    diagnoses: ['M54.16'],
    locality: { carrier: '10112', locality: '00' },
    ...claim,
    lines: lines.map((l, i) => ({ lineNumber: i + 1, modifiers: [], units: 1, dateOfService: '2025-03-10', diagnosisPointers: [1], ...l })),
  };
}
