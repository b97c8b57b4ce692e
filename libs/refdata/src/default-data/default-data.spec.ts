import { CompactPtpTable, lookupCode, type RefDataCatalog } from '@claimflow/domain';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildDefaultData } from './build-default-data';
import { defaultDataDir, loadDefaultCatalog, readManifest } from './load-catalog';

const CMS = resolve(__dirname, '../../../../../shared/data/cms');

function table<D extends Parameters<RefDataCatalog['resolve']>[0]>(c: RefDataCatalog, dataset: D, date: string) {
  const r = c.resolve(dataset, date);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('the shipped default data set (data/refdata)', () => {
  let catalog: RefDataCatalog;
  beforeAll(async () => {
    catalog = await loadDefaultCatalog();
  }, 60_000);

  it('is found from the source tree and loaded once per process', async () => {
    expect(defaultDataDir()).toBe(resolve(__dirname, '../../../../data/refdata'));
    expect(await loadDefaultCatalog()).toBe(catalog);
  });

  it('lists every release with its validity and partial flag', () => {
    const ids = catalog.releases().map((r) => `${r.dataset} ${r.id} ${r.validFrom}..${r.validTo ?? 'open'}${r.partial ? ' partial' : ''}`);
    expect(ids.sort()).toEqual([
      'mpfs-anes MPFS-2025-ANES 2025-01-01..2025-12-31',
      'mpfs-gpci MPFS-2025-GPCI 2025-01-01..2025-12-31',
      'mpfs-gpci MPFS-2026-GPCI 2026-01-01..2026-12-31',
      'mpfs-locco MPFS-2025-LOCCO 2025-01-01..2025-12-31',
      'mpfs-oppscap MPFS-2025-OPPSCAP 2025-01-01..2025-12-31',
      'mpfs-rvu MPFS-2025-OCT 2025-01-01..2025-12-31',
      'mpfs-rvu MPFS-2026-JUL-PARTIAL 2026-01-01..2026-12-31 partial',
      'mpfs-zip5 ZIP5-2025Q4 2025-10-01..open',
      'ncci-addon NCCI-2024Q3 2024-07-01..2024-09-30',
      'ncci-mue-dme NCCI-2024Q3 2024-07-01..2024-09-30',
      'ncci-mue-hospital NCCI-2024Q3 2024-07-01..2024-09-30',
      'ncci-mue-practitioner NCCI-2024Q3 2024-07-01..2024-09-30',
      'ncci-mue-practitioner NCCI-2026Q3-PARTIAL 2026-07-01..2026-09-30 partial',
      'ncci-mue-practitioner NCCI-2026Q4-PARTIAL 2026-10-01..2026-12-31 partial',
      'ncci-ptp-practitioner NCCI-2024Q3 2024-07-01..2024-09-30',
      'ncci-ptp-practitioner NCCI-2026Q3-PARTIAL 2026-07-01..2026-09-30 partial',
      'ncci-ptp-practitioner NCCI-2026Q4-PARTIAL 2026-10-01..2026-12-31 partial',
    ]);
  });

  it('holds the fee schedule values: 77003 3.08 (CF 32.3465) in 2025, 3.13 (CF 33.4009) in 2026', () => {
    const y25 = table(catalog, 'mpfs-rvu', '2025-06-01');
    const y26 = table(catalog, 'mpfs-rvu', '2026-06-01');
    expect([y25.conversionFactor, y25.get('77003')?.nonFacilityTotal, y25.size]).toEqual([32.3465, 3.08, 19090]);
    expect([y26.conversionFactor, y26.get('77003')?.nonFacilityTotal, y26.release.partial]).toEqual([33.4009, 3.13, true]);
    expect(y26.get('99213')).toBeUndefined();
    expect(y26.release.notes[0]).toMatch(/unknown to this release, not free/);
    expect(table(catalog, 'mpfs-gpci', '2025-06-01').all()).toHaveLength(109);
    expect(table(catalog, 'mpfs-anes', '2025-06-01').nationalConversionFactor).toBe(20.3178);
    expect(table(catalog, 'mpfs-zip5', '2026-03-01').get('99501')).toMatchObject({ carrier: '02102', locality: '01' });
  });

  it('holds the NCCI 2024Q3 values, each answer carrying the missing-effective-date note', () => {
    expect(table(catalog, 'ncci-mue-practitioner', '2024-08-01').get('77003')).toMatchObject({ value: 1, mai: 3 });
    expect(table(catalog, 'ncci-addon', '2024-08-01').get('77003')).toEqual({
      addon: '77003',
      type: 1,
      primaries: [
        '61050',
        '61055',
        '62267',
        '62273',
        '62280',
        '62281',
        '62282',
        '62284',
        '64449',
        '64510',
        '64517',
        '64520',
        '64610',
        '96450',
      ],
    });
    const ptp = table(catalog, 'ncci-ptp-practitioner', '2024-08-01') as CompactPtpTable;
    expect(ptp.size).toBe(2546017);
    expect(ptp.find('62323', '77003', 20240801)?.modifierIndicator).toBe('1');
    expect(ptp.find('62321', '62320', 20240801)?.modifierIndicator).toBe('0');
    expect(ptp.find('27093', '77002', 20240801)).toBeUndefined();
    expect(ptp.history('27093', '77002').map((e) => e.deletion)).toEqual([20100331]);
    expect(ptp.release.notes.join()).toMatch(/effective dates are missing/);
  });

  it('answers a code lookup naming the release of every part', () => {
    const l = lookupCode(catalog, '77003', '2024-08-01');
    expect(l.feeSchedule).toMatchObject({ release: null });
    expect(l.mue.practitioner).toMatchObject({ release: 'NCCI-2024Q3', value: { value: 1, mai: 3 } });
    expect(l.addon).toMatchObject({ release: 'NCCI-2024Q3', value: { type: 1 } });
    if (l.ptp.release === null) throw new Error(l.ptp.unavailable);
    expect(l.ptp.notes[0]).toMatch(/effective dates are missing/);
    expect(l.ptp.value.asColumn2.find((e) => e.column1 === '62323')?.modifierIndicator).toBe('1');
    expect(l.ptp.value.asColumn1.find((e) => e.column2 === '76000')?.modifierIndicator).toBe('1');
    const latest = lookupCode(catalog, '77003', '2024-08-01', { latest: true });
    expect(latest.feeSchedule).toMatchObject({ release: 'MPFS-2026-JUL-PARTIAL', partial: true });
  });

  it('stays well under 30 MB', () => {
    const dir = defaultDataDir();
    const bytes = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(30 * 1024 * 1024);
  });

  it('is what buildDefaultData makes from shared/data/cms today', () => {
    const out = mkdtempSync(join(tmpdir(), 'claimflow-refdata-'));
    try {
      const r = buildDefaultData(CMS, out);
      if (!r.ok) throw new Error(`${r.error.file}:${r.error.line}: ${r.error.reason}`);
      const shipped = readManifest(defaultDataDir());
      expect(r.value.manifest.tables.map((t) => [t.file, t.sha256, t.rows])).toEqual(shipped.tables.map((t) => [t.file, t.sha256, t.rows]));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
