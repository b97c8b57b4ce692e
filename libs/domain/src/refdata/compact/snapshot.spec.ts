import { calendarYearRelease, quarterRelease, zip5Release } from '../release-factory';
import { AddonCodeTable } from './addon.table';
import { LocalityAnesthesiaTable } from './anes.table';
import { packArrays, unpackArrays } from './binary-pack';
import { RvuFeeScheduleTable } from './fee-schedule.table';
import { CodeMueTable } from './mue.table';
import { snapshotOf, tableFromSnapshot } from './snapshot';
import { Zip5LocalityTable } from './zip.table';

describe('packArrays / unpackArrays', () => {
  it('round-trips typed arrays and meta, also from an unaligned copy', () => {
    const bytes = packArrays({ a: 1 }, { x: new Uint16Array([1, 2, 65535]), y: new Int32Array([20240701, -1]), z: new Uint8Array([9]) });
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const { meta, arrays } = unpackArrays(shifted);
    expect(meta).toEqual({ a: 1 });
    expect([...arrays.x]).toEqual([1, 2, 65535]);
    expect([...arrays.y]).toEqual([20240701, -1]);
    expect([...arrays.z]).toEqual([9]);
    expect(() => unpackArrays(new Uint8Array(12))).toThrow('not a packed reference-data file');
  });
});

describe('table snapshots', () => {
  it('round-trip row tables with their release', () => {
    const mue = new CodeMueTable(quarterRelease('ncci-mue-practitioner', 2024, 3), [
      { code: '77003', value: 1, mai: 3, rationale: 'CMS Policy' },
    ]);
    const addon = new AddonCodeTable(quarterRelease('ncci-addon', 2024, 3), [
      { addon: '64491', primary: '64490', type: 1 },
      { addon: '0054T', primary: null, type: 2 },
    ]);
    const anes = new LocalityAnesthesiaTable(calendarYearRelease('mpfs-anes', 'MPFS-2025-ANES', 2025), 20.3178, [
      { carrier: '10112', locality: '00', conversionFactor: 19.31 },
    ]);
    const zip = new Zip5LocalityTable(zip5Release(20254), [
      { zip: '99501', state: 'AK', carrier: '02102', locality: '01', rural: '', needsZip9: false },
    ]);
    const back = <T>(dataset: Parameters<typeof snapshotOf>[0], t: Parameters<typeof snapshotOf>[1]) =>
      tableFromSnapshot(snapshotOf(dataset, t)).table as T;
    expect(back<CodeMueTable>('ncci-mue-practitioner', mue).get('77003')).toEqual({
      code: '77003',
      value: 1,
      mai: 3,
      rationale: 'CMS Policy',
    });
    expect(back<AddonCodeTable>('ncci-addon', addon).get('0054T')).toEqual({ addon: '0054T', type: 2, primaries: [] });
    expect(back<AddonCodeTable>('ncci-addon', addon).get('64491')?.primaries).toEqual(['64490']);
    const a = back<LocalityAnesthesiaTable>('mpfs-anes', anes);
    expect([a.nationalConversionFactor, a.get('10112', '00')?.conversionFactor, a.release.id]).toEqual([20.3178, 19.31, 'MPFS-2025-ANES']);
    const z = back<Zip5LocalityTable>('mpfs-zip5', zip);
    expect([z.get('99501-1234')?.locality, z.release.validTo]).toEqual(['01', null]);
  });

  it('keeps an RVU row without the optional PRIC IND absent, not null', () => {
    const row = { hcpcs: '77003', modifier: '', status: 'A', workRvu: 0.6, nonFacilityTotal: 3.08 } as never;
    const t = new RvuFeeScheduleTable(calendarYearRelease('mpfs-rvu', 'MPFS-2025-OCT', 2025), 32.3465, [row]);
    const back = tableFromSnapshot(snapshotOf('mpfs-rvu', t)).table as RvuFeeScheduleTable;
    expect(back.get('77003')).toEqual(row);
    expect(back.conversionFactor).toBe(32.3465);
  });
});
