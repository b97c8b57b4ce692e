import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { priceClaim, type Claim, type RefDataCatalog } from '@claimflow/domain';
import { loadDefaultCatalog } from '@claimflow/refdata';

/**
 * Prices codes in every CY2025 locality with the shipped data and checks each amount against the
 * formula computed here independently: straight from the CMS CSV text, in BigInt fixed point.
 */
// /work/main/services/pricing/src/golden -> /work/shared/data/cms (CLAIMFLOW_CMS_DIR overrides).
const SHARED = join(process.env.CLAIMFLOW_CMS_DIR ?? join(__dirname, '../../../../../shared/data/cms'), 'mpfs/2025');

/** "0.869" -> 869n at scale 10^places. */
function fixed(text: string, places: number): bigint {
  const [whole, frac = ''] = text.trim().split('.');
  return BigInt(whole + frac.padEnd(places, '0').slice(0, places));
}

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

interface RawGpci {
  carrier: string;
  locality: string;
  name: string;
  work: string;
  pe: string;
  mp: string;
}

const gpciRows: RawGpci[] = readFileSync(join(SHARED, 'GPCI2025.csv'), 'latin1')
  .split(/\r?\n/)
  .map(splitCsv)
  .filter((f) => /^\d{5}$/.test(f[0]?.trim() ?? '') && /^\d{2}$/.test(f[2]?.trim() ?? ''))
  .map((f) => ({ carrier: f[0].trim(), locality: f[2].trim(), name: f[3].trim(), work: f[4], pe: f[5], mp: f[6] }));

const rvuLines = readFileSync(join(SHARED, 'PPRRVU2025_Oct.csv'), 'latin1').split(/\r?\n/).map(splitCsv);

/** work, non-facility PE, facility PE, MP and CF of a row, as CMS wrote them. */
function rawRow(code: string, modifier: string) {
  const f = rvuLines.find((r) => r[0] === code && r[1] === modifier);
  if (!f) throw new Error(`${code}-${modifier} not in PPRRVU2025_Oct.csv`);
  return { work: f[5], nonFacilityPe: f[6], facilityPe: f[8], mp: f[10], cf: f[24] };
}

/** Round half up of [(w x Gw) + (pe x Gpe) + (mp x Gmp)] x CF: RVUs 10^2, GPCIs 10^3, CF 10^4 -> 10^9. */
function expectedCents(code: string, modifier: string, facility: boolean, g: RawGpci): number {
  const r = rawRow(code, modifier);
  const sum =
    fixed(r.work, 2) * fixed(g.work, 3) +
    fixed(facility ? r.facilityPe : r.nonFacilityPe, 2) * fixed(g.pe, 3) +
    fixed(r.mp, 2) * fixed(g.mp, 3);
  const scaled = sum * fixed(r.cf, 4);
  return Number((scaled + 5_000_000n) / 10_000_000n);
}

function claimAt(g: RawGpci, code: string, modifiers: string[], pos: string): Claim {
  return {
    claimId: `golden-${g.carrier}-${g.locality}`,
    submitterClaimId: 'golden',
    claimType: 'professional',
    frequencyCode: '1',
    placeOfService: pos,
    payer: { type: 'medicare-part-b' },
    billingProvider: { npi: '1234567893' },
    locality: { carrier: g.carrier, locality: g.locality },
    diagnoses: [],
    lines: [{ lineNumber: 1, code, modifiers, units: 1, dateOfService: '2025-11-03', diagnosisPointers: [] }],
  };
}

describe('CY2025 amounts in every locality (shipped data)', () => {
  let catalog: RefDataCatalog;
  beforeAll(async () => {
    catalog = await loadDefaultCatalog();
  });

  it('the GPCI file and the loaded release both hold 109 localities', () => {
    expect(gpciRows).toHaveLength(109);
    const loaded = catalog.resolve('mpfs-gpci', '2025-11-03');
    if (!loaded.ok) throw new Error(loaded.error.message);
    expect(loaded.value.all()).toHaveLength(109);
  });

  it.each([
    ['99213', '', '11'],
    ['99213', '', '22'],
    ['77003', '', '11'],
    ['77003', '26', '22'],
    ['27130', '', '21'],
  ])('%s modifier "%s" at POS %s matches the formula in all 109 localities', (code, modifier, pos) => {
    const facility = pos !== '11';
    let checked = 0;
    for (const g of gpciRows) {
      const priced = priceClaim(claimAt(g, code, modifier ? [modifier] : [], pos), undefined, catalog);
      if (!priced.ok) throw new Error(`${g.carrier}-${g.locality}: ${priced.error.message}`);
      const line = priced.value.lines[0];
      expect({ where: `${g.carrier}-${g.locality}`, cents: Math.round(line.allowed * 100) }).toEqual({
        where: `${g.carrier}-${g.locality}`,
        cents: expectedCents(code, modifier, facility, g),
      });
      expect(line.breakdown?.gpci.locality).toMatchObject({ carrier: g.carrier, locality: g.locality, source: 'claim' });
      checked++;
    }
    expect(checked).toBe(109);
  });

  it('spot values by hand: 99213 office in Manhattan and in Alabama', () => {
    const at = (carrier: string, locality: string) => {
      const g = gpciRows.find((r) => r.carrier === carrier && r.locality === locality);
      if (!g) throw new Error('missing locality');
      const p = priceClaim(claimAt(g, '99213', [], '11'), undefined, catalog);
      if (!p.ok) throw new Error(p.error.message);
      return p.value.lines[0].allowed;
    };
    // Manhattan: (1.30 x 1.065 + 1.35 x 1.166 + 0.10 x 1.656) x 32.3465 = 3.1242 x 32.3465 = 101.0569... -> 101.06
    expect(at('13202', '01')).toBe(101.06);
    // Alabama: (1.30 + 1.35 x 0.869 + 0.10 x 0.575) x 32.3465 = 2.53065 x 32.3465 = 81.857... -> 81.86
    expect(at('10112', '00')).toBe(81.86);
  });
});
