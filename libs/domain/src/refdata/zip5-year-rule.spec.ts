import { RefDataCatalog } from './catalog';
import { Zip5LocalityTable } from './compact/zip.table';
import { zip5Release } from './release-factory';

const row = { zip: '10016', state: 'NY', carrier: '13202', locality: '01', rural: '' as const, needsZip9: false };
const crosswalk = (yq: number) => new Zip5LocalityTable(zip5Release(yq), [row]);

describe('ZIP-to-locality by year', () => {
  const id = (c: RefDataCatalog, date: string) => {
    const r = c.resolve('mpfs-zip5', date);
    return r.ok ? r.value.release.id : r.error.code;
  };

  it("serves a year's earlier dates from that year's latest crosswalk, with a note naming it", () => {
    const c = new RefDataCatalog().add('mpfs-zip5', crosswalk(20254));
    const r = c.resolve('mpfs-zip5', '2025-06-01');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.release).toMatchObject({ id: 'ZIP5-2025Q4', validFrom: '2025-01-01', validTo: '2025-09-30' });
    expect(r.value.release.notes).toEqual([expect.stringMatching(/crosswalk ZIP5-2025Q4 \(the latest of 2025\) was used/)]);
    expect(r.value.get('10016')).toEqual(row);
    expect(id(c, '2025-01-01')).toBe('ZIP5-2025Q4');
    // the same view every time, so per-date caches stay small
    expect(c.resolve('mpfs-zip5', '2025-02-01')).toEqual(c.resolve('mpfs-zip5', '2025-03-01'));
  });

  it('still refuses a date of a year with no crosswalk (strict)', () => {
    const c = new RefDataCatalog().add('mpfs-zip5', crosswalk(20254));
    expect(id(c, '2024-12-31')).toBe('NO_RELEASE_IN_FORCE');
  });

  it("prefers a release in force, and takes the year's latest quarter when several are loaded", () => {
    const c = new RefDataCatalog().add('mpfs-zip5', crosswalk(20252)).add('mpfs-zip5', crosswalk(20254)).add('mpfs-zip5', crosswalk(20261));
    expect(id(c, '2025-05-01')).toBe('ZIP5-2025Q2');
    expect(id(c, '2025-11-01')).toBe('ZIP5-2025Q4');
    expect(id(c, '2025-02-01')).toBe('ZIP5-2025Q4');
    expect(id(c, '2026-02-01')).toBe('ZIP5-2026Q1');
  });
});
