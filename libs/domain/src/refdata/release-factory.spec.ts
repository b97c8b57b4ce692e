import { RefDataCatalog } from './catalog';
import { CodeMueTable } from './compact/mue.table';
import { Zip5LocalityTable } from './compact/zip.table';
import { calendarYearRelease, quarterRelease, zip5Release } from './release-factory';

describe('release validity', () => {
  it('fee schedule: calendar year; NCCI: quarter', () => {
    expect(calendarYearRelease('mpfs-rvu', 'MPFS-2025-OCT', 2025)).toMatchObject({
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      partial: false,
    });
    expect(quarterRelease('ncci-mue-dme', 2024, 3)).toMatchObject({ id: 'NCCI-2024Q3', validFrom: '2024-07-01', validTo: '2024-09-30' });
    expect(quarterRelease('ncci-ptp-practitioner', 2026, 4, { partial: true, suffix: 'PARTIAL' })).toMatchObject({
      id: 'NCCI-2026Q4-PARTIAL',
      validFrom: '2026-10-01',
      validTo: '2026-12-31',
      partial: true,
    });
  });

  it('ZIP5: from its quarter on, open-ended until a newer ZIP5 release, and it says so', () => {
    const r = zip5Release(20254);
    expect(r).toMatchObject({ id: 'ZIP5-2025Q4', validFrom: '2025-10-01', validTo: null });
    expect(r.notes[0]).toMatch(/until a newer ZIP5 release/);
  });
});

describe('RefDataCatalog release selection by date', () => {
  const mue = (year: number, q: number) => new CodeMueTable(quarterRelease('ncci-mue-practitioner', year, q), []);
  const catalog = new RefDataCatalog()
    .add('ncci-mue-practitioner', mue(2024, 3))
    .add('ncci-mue-practitioner', mue(2026, 3))
    .add('ncci-mue-practitioner', mue(2026, 4));

  it('picks the quarter in force on the date of service, bounds included', () => {
    const id = (d: string) => {
      const r = catalog.resolve('ncci-mue-practitioner', d);
      return r.ok ? r.value.release.id : r.error.code;
    };
    expect([id('2024-07-01'), id('2024-09-30'), id('2026-09-30'), id('2026-10-01'), id('2024-10-01')]).toEqual([
      'NCCI-2024Q3',
      'NCCI-2024Q3',
      'NCCI-2026Q3',
      'NCCI-2026Q4',
      'NO_RELEASE_IN_FORCE',
    ]);
  });

  it('uses the newest release only when asked (--latest)', () => {
    const r = catalog.resolve('ncci-mue-practitioner', '2027-02-01', { latest: true });
    expect(r.ok && r.value.release.id).toBe('NCCI-2026Q4');
  });

  it('lets a newer open-ended ZIP5 release take over from the older one', () => {
    const c = new RefDataCatalog()
      .add('mpfs-zip5', new Zip5LocalityTable(zip5Release(20254), []))
      .add('mpfs-zip5', new Zip5LocalityTable(zip5Release(20261), []));
    const id = (d: string) => {
      const r = c.resolve('mpfs-zip5', d);
      return r.ok ? r.value.release.id : r.error.code;
    };
    // 2025-09-30: the year rule (the latest 2025 crosswalk serves 2025); 2024: no crosswalk of that year
    expect([id('2024-12-31'), id('2025-09-30'), id('2025-12-01'), id('2026-01-01'), id('2030-06-01')]).toEqual([
      'NO_RELEASE_IN_FORCE',
      'ZIP5-2025Q4',
      'ZIP5-2025Q4',
      'ZIP5-2026Q1',
      'ZIP5-2026Q1',
    ]);
  });
});
