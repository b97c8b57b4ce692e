import { feeLookup, priceClaim, type Claim, type RefDataCatalog } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const PPRRVU = join(process.env.CLAIMFLOW_CMS_DIR ?? join(__dirname, '../../../../../shared/data/cms'), 'mpfs/2025/PPRRVU2025_Oct.csv');

function claim(lines: { code: string; modifiers?: string[]; date?: string }[], extra: Partial<Claim> = {}): Claim {
  return {
    claimId: 'golden',
    submitterClaimId: 'golden',
    claimType: 'professional',
    frequencyCode: '1',
    placeOfService: '11',
    payer: { type: 'medicare-part-b' },
    billingProvider: { npi: '1234567893' },
    diagnoses: [],
    ...extra,
    lines: lines.map((l, i) => ({
      lineNumber: i + 1,
      code: l.code,
      modifiers: l.modifiers ?? [],
      units: 1,
      dateOfService: l.date ?? '2025-11-03',
      diagnosisPointers: [],
    })),
  };
}

describe('seed figures and national amounts with the shipped data', () => {
  let catalog: RefDataCatalog;
  beforeAll(async () => {
    catalog = await loadDefaultCatalog();
  });

  it.each([
    ['77003', '2025-11-03', 99.63, 32.3465],
    ['77002', '2025-11-03', 110.3, 32.3465],
    ['76000', '2026-02-02', 44.09, 33.4009],
    ['77003', '2026-02-02', 104.54, 33.4009],
  ])('%s national on %s = $%s (CF %s read from the release)', (code, date, allowed, cf) => {
    const p = priceClaim(claim([{ code, date }]), undefined, catalog, { allowNational: true });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.lines[0]).toMatchObject({ status: 'priced', allowed });
    expect(p.value.lines[0].breakdown?.conversionFactor).toBe(cf);
  });

  // Issue #27: the reason said "partial release"; it names the CY2026 excerpt now, with CY2025's figure beside it.
  it('the 2026 release is partial: a code outside the excerpt has no CY2026 price, with the nearest full year beside it', () => {
    const p = priceClaim(claim([{ code: '99213', date: '2026-02-02' }]), undefined, catalog, { allowNational: true });
    if (!p.ok) throw new Error(p.error.message);
    expect(p.value.lines[0]).toMatchObject({ status: 'no-price', allowed: 0 });
    expect(p.value.lines[0].reason).toMatch(/^99213 is not in the CY2026 excerpt shipped here \(MPFS-2026-JUL-PARTIAL/);
    expect(p.value.lines[0].reason).not.toMatch(/not in (the )?fee schedule/);
    expect(p.value.lines[0].reference).toMatchObject({ release: 'MPFS-2025-OCT', period: 'CY2025', dateOfService: '2025-12-31' });
    expect(p.value.lines[0].reference!.allowed).toBeGreaterThan(0);
    expect(p.value.totals.allowed).toBe(0);
    expect(p.value.notes.join(' ')).toMatch(
      /Line 1 \(99213\) has no CY2026 price: not in the CY2026 excerpt shipped here\. The totals leave it out/,
    );
  });

  it('every payable 2025 row priced nationally equals its total RVUs x CF, to the cent', () => {
    const fs = catalog.resolve('mpfs-rvu', '2025-11-03');
    if (!fs.ok) throw new Error(fs.error.message);
    const table = fs.value;
    const codes = new Set(
      readFileSync(PPRRVU, 'latin1')
        .split(/\r?\n/)
        .slice(10)
        .map((l) => l.split(',')[0])
        .filter(Boolean),
    );
    const rows = [...codes].flatMap((c) => table.rowsOf(c)).filter((r) => ['A', 'R', 'T'].includes(r.status));
    let checked = 0;
    for (const r of rows) {
      for (const [pos, total, na] of [
        ['11', r.nonFacilityTotal, r.nonFacilityNa],
        ['21', r.facilityTotal, r.facilityNa],
      ] as const) {
        const modifiers = r.modifier ? [r.modifier] : [];
        const p = priceClaim(claim([{ code: r.hcpcs, modifiers }], { placeOfService: pos }), undefined, catalog, { allowNational: true });
        if (!p.ok) throw new Error(p.error.message);
        const line = p.value.lines[0];
        const want = na ? 'no-price' : Number((BigInt(Math.round(total * 100)) * 323465n + 5_000n) / 10_000n);
        const got = line.status === 'no-price' ? line.status : Math.round(line.breakdown!.unitPrice * 100);
        if (got !== want) throw new Error(`${r.hcpcs}-${r.modifier} POS ${pos}: ${got} != ${want}`);
        checked++;
      }
    }
    expect(codes.size).toBeGreaterThan(10_000);
    expect(checked).toBeGreaterThan(19_000);
  });

  it('the ZIP route and the OPPS cap with real files: 70496 at ZIP 90012 (Los Angeles)', () => {
    const p = priceClaim(claim([{ code: '70496' }], { billingProvider: { npi: '1234567893', zip: '90012' } }), undefined, catalog);
    if (!p.ok) throw new Error(p.error.message);
    const line = p.value.lines[0];
    // (1.75 x 1.042 + 6.56 x 1.194 + 0.11 x 0.69) x 32.3465 = 9.73204 x 32.3465 = 314.80; OPPSCAP_Oct.csv 01182-18: 297.42
    expect(line.breakdown?.gpci.locality).toMatchObject({ carrier: '01182', locality: '18', source: 'zip' });
    expect(line.breakdown?.unitPrice).toBe(314.8);
    expect(line.allowed).toBe(297.42);
    expect(p.value.releases).toEqual(expect.arrayContaining(['MPFS-2025-OCT', 'MPFS-2025-GPCI', 'ZIP5-2025Q4', 'MPFS-2025-OPPSCAP']));
  });

  it('the calculator shows global, 26 and TC side by side like the seed pages', () => {
    const l = feeLookup('77003', { date: '2025-11-03' }, catalog);
    if (!l.ok) throw new Error(l.error.message);
    expect(l.value.components.map((c) => [c.modifier, c.participating.nonFacility, c.participating.facility])).toEqual([
      ['', 99.63, null],
      ['26', 27.17, 27.17],
      ['TC', 72.46, null],
    ]);
    expect(l.value.chosen).toMatchObject({
      setting: 'non-facility',
      allowed: 99.63,
      medicarePayment: 79.7,
      coinsurance: 19.93,
      limitingCharge: 108.85,
    });
  });
});
