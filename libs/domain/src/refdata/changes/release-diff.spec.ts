import { rvuRow } from '../../pricing/testing/rvu-row';
import { RefDataCatalog } from '../catalog';
import { AddonCodeTable } from '../compact/addon.table';
import { RvuFeeScheduleTable } from '../compact/fee-schedule.table';
import { CodeMueTable } from '../compact/mue.table';
import { PtpBuilder } from '../compact/ptp.builder';
import { CompactPtpTable } from '../compact/ptp.table';
import { calendarYearRelease, quarterRelease } from '../release-factory';
import type { ModifierIndicator } from '../tables';
import { refDataCoverage, coverageLine } from './coverage';
import { diffReleases, previousRelease } from './release-diff';

const ptp = (year: number, q: number, rows: [string, string, number, number | null, ModifierIndicator][]) => {
  const b = new PtpBuilder();
  for (const [c1, c2, eff, del, mod] of rows) b.add(c1, c2, eff, del, mod, 'r');
  return new CompactPtpTable(quarterRelease('ncci-ptp-practitioner', year, q), b.build());
};
const mue = (year: number, q: number, rows: [string, number, 1 | 2 | 3][]) =>
  new CodeMueTable(
    quarterRelease('ncci-mue-practitioner', year, q),
    rows.map(([code, value, mai]) => ({ code, value, mai, rationale: '' })),
  );
const addon = (year: number, q: number, rows: [string, string][]) =>
  new AddonCodeTable(
    quarterRelease('ncci-addon', year, q),
    rows.map(([a, p]) => ({ addon: a, primary: p, type: 1 as const })),
  );

/** Two quarters with known changes. */
function fixture(): RefDataCatalog {
  return new RefDataCatalog()
    .add(
      'ncci-ptp-practitioner',
      ptp(2026, 3, [
        ['62323', '77003', 20150101, null, '1'],
        ['62321', '62320', 20170101, null, '0'],
        ['77003', '76000', 20100101, null, '1'],
        ['27093', '77002', 20090101, null, '1'],
      ]),
    )
    .add(
      'ncci-ptp-practitioner',
      ptp(2026, 4, [
        ['62323', '77003', 20150101, null, '1'],
        ['62321', '62320', 20170101, null, '1'],
        ['77003', '76000', 20100101, 20260930, '1'],
        ['64490', '77003', 20261001, null, '0'],
        ['27093', '77002', 20090101, null, '1'],
      ]),
    )
    .add(
      'ncci-mue-practitioner',
      mue(2026, 3, [
        ['77003', 1, 3],
        ['76000', 3, 3],
      ]),
    )
    .add(
      'ncci-mue-practitioner',
      mue(2026, 4, [
        ['77003', 2, 3],
        ['76000', 3, 2],
        ['77002', 1, 3],
      ]),
    )
    .add(
      'ncci-addon',
      addon(2026, 3, [
        ['77003', '62280'],
        ['77003', '64449'],
      ]),
    )
    .add(
      'ncci-addon',
      addon(2026, 4, [
        ['77003', '62280'],
        ['77003', '64451'],
        ['64491', '64490'],
      ]),
    );
}

describe('diffReleases', () => {
  const catalog = fixture();

  it('lists PTP pairs added, deleted and with a changed modifier indicator; MUE and add-on changes', () => {
    const d = diffReleases(catalog, 'NCCI-2026Q3', 'NCCI-2026Q4');
    const by = Object.fromEntries(d.map((x) => [x.dataset, x.changes]));
    expect(by['ncci-ptp-practitioner']).toEqual([
      { kind: 'changed', key: '62321/62320', fields: [{ field: 'modifierIndicator', from: '0', to: '1' }] },
      { kind: 'added', key: '64490/77003', fields: [] },
      { kind: 'removed', key: '77003/76000', fields: [] },
    ]);
    expect(by['ncci-mue-practitioner']).toEqual([
      { kind: 'changed', key: '76000', fields: [{ field: 'mai', from: 3, to: 2 }] },
      { kind: 'added', key: '77002', fields: [] },
      { kind: 'changed', key: '77003', fields: [{ field: 'value', from: 1, to: 2 }] },
    ]);
    expect(by['ncci-addon']).toEqual([
      { kind: 'added', key: '64491', fields: [] },
      {
        kind: 'changed',
        key: '77003',
        fields: [
          { field: 'primaries added', from: null, to: '64451' },
          { field: 'primaries removed', from: '64449', to: null },
        ],
      },
    ]);
  });

  it('narrows to one code, both PTP columns included', () => {
    const d = diffReleases(catalog, 'NCCI-2026Q3', 'NCCI-2026Q4', { code: '77003' });
    expect(d.flatMap((x) => x.changes.map((c) => `${x.dataset} ${c.kind} ${c.key}`))).toEqual([
      'ncci-addon changed 77003',
      'ncci-mue-practitioner changed 77003',
      'ncci-ptp-practitioner added 64490/77003',
      'ncci-ptp-practitioner removed 77003/76000',
    ]);
  });

  it('compares fee-schedule rows field by field, and a partial release removes nothing', () => {
    const y25 = new RvuFeeScheduleTable(calendarYearRelease('mpfs-rvu', 'MPFS-2025-OCT', 2025), 32.3465, [
      rvuRow({ hcpcs: '77003', workRvu: 0.6, pe: 2.44, mpRvu: 0.04 }),
      rvuRow({ hcpcs: '99213', workRvu: 1.3, pe: 1.35, mpRvu: 0.1 }),
    ]);
    const y26 = new RvuFeeScheduleTable(calendarYearRelease('mpfs-rvu', 'MPFS-2026-JUL-PARTIAL', 2026, { partial: true }), 33.4009, [
      rvuRow({ hcpcs: '77003', workRvu: 0.6, pe: 2.49, mpRvu: 0.04 }),
    ]);
    const c = new RefDataCatalog().add('mpfs-rvu', y25).add('mpfs-rvu', y26);
    const [d] = diffReleases(c, 'MPFS-2025-OCT', 'MPFS-2026-JUL-PARTIAL');
    expect(d.changes).toEqual([
      { kind: 'changed', key: 'conversion factor', fields: [{ field: 'conversionFactor', from: 32.3465, to: 33.4009 }] },
      {
        kind: 'changed',
        key: '77003',
        fields: [
          { field: 'nonFacilityPeRvu', from: 2.44, to: 2.49 },
          { field: 'facilityPeRvu', from: 2.44, to: 2.49 },
          { field: 'nonFacilityTotal', from: 3.08, to: 3.13 },
          { field: 'facilityTotal', from: 3.08, to: 3.13 },
        ],
      },
    ]);
    expect(d.notes[0]).toMatch(/MPFS-2026-JUL-PARTIAL is partial/);
    expect(previousRelease(c, 'mpfs-rvu', 'MPFS-2026-JUL-PARTIAL')?.id).toBe('MPFS-2025-OCT');
    expect(previousRelease(c, 'mpfs-rvu', 'MPFS-2025-OCT')).toBeUndefined();
  });

  it('is empty for releases the catalog does not hold', () => {
    expect(diffReleases(catalog, 'NCCI-2026Q3', 'NCCI-2099Q1')).toEqual([]);
  });
});

describe('refDataCoverage', () => {
  it('merges release ranges, shows gaps, and what a claim dated today gets', () => {
    const c = fixture().add('ncci-mue-practitioner', mue(2024, 3, []));
    const mueCoverage = refDataCoverage(c, '2027-02-01').find((x) => x.dataset === 'ncci-mue-practitioner')!;
    expect(mueCoverage).toEqual({
      dataset: 'ncci-mue-practitioner',
      covered: [
        { from: '2024-07-01', to: '2024-09-30' },
        { from: '2026-07-01', to: '2026-12-31' },
      ],
      gaps: [{ from: '2024-10-01', to: '2026-06-30' }],
      today: { strict: null, latest: 'NCCI-2026Q4' },
    });
    expect(refDataCoverage(c, '2026-08-01').every((x) => x.today.strict === 'NCCI-2026Q3')).toBe(true);
    expect(coverageLine(refDataCoverage(c, '2027-02-01'), '2027-02-01')).toMatch(/refused in strict mode for ncci-addon, /);
  });
});
