import { RefDataCatalog } from '../refdata/catalog';
import { validateClaim } from './validate-claim';
import { forgetCatalog } from './dos-memo';
import { claimWith } from './testing/claim.fixture';
import { fluoroCatalog, FLUORO_FEE_ROWS, FLUORO_PTP } from './testing/fluoro.fixture';
import { feeTable, ptpTable } from './testing/refdata.fixture';
import { only } from './testing/result.helpers';

describe('reference data resolution', () => {
  it('strict: a dataset with no release in force becomes a warn that names what was skipped', () => {
    const result = validateClaim(claimWith(['20610', { code: '20552', dateOfService: '2026-02-01' }]), fluoroCatalog());
    const missing = only(result, 'REFDATA_UNAVAILABLE').filter((e) => e.lines.includes(2));
    expect(missing.map((e) => e.source.dataset)).toEqual(['mpfs-rvu', 'ncci-ptp-practitioner', 'ncci-mue-practitioner', 'ncci-addon']);
    expect(missing.every((e) => e.severity === 'warn' && e.source.release === 'none')).toBe(true);
    expect(missing[1].message).toContain('No ncci-ptp-practitioner release is in force on 2026-02-01');
    expect(missing[1].message).toContain('procedure-to-procedure (bundling) edits could not be applied');
  });

  it('latest: uses the newest full release and says it is not the one in force', () => {
    const catalog = fluoroCatalog().add(
      'ncci-ptp-practitioner',
      ptpTable([], { id: 'NCCI-2026Q3-SUBSET', validFrom: '2026-07-01', validTo: '2026-09-30', partial: true }),
    );
    const dos = '2026-02-01';
    const result = validateClaim(
      claimWith([
        { code: '20610', dateOfService: dos },
        { code: '20552', dateOfService: dos },
      ]),
      catalog,
      { refdataFallback: 'latest' },
    );
    const [ptpFallback] = only(result, 'REFDATA_UNAVAILABLE').filter((e) => e.source.dataset === 'ncci-ptp-practitioner');
    expect(ptpFallback.severity).toBe('warn');
    expect(ptpFallback.source.release).toBe('ncci-ptp-practitioner-TEST');
    expect(ptpFallback.message).toContain(
      'were applied from ncci-ptp-practitioner-TEST (valid 2025-01-01 to 2025-12-31), which is not the release in force',
    );
    expect(only(result, 'PTP_BUNDLED')).toHaveLength(1);
    expect(result.releases).toContain('ncci-ptp-practitioner-TEST');
    expect(result.releases).not.toContain('NCCI-2026Q3-SUBSET');
  });

  it('institutional claims never fall back to the practitioner PTP table', () => {
    const result = validateClaim(claimWith(['62321', '62320'], { claimType: 'institutional', placeOfService: '22' }), fluoroCatalog(), {
      refdataFallback: 'latest',
    });
    expect(only(result, 'PTP_BUNDLED')).toEqual([]);
    const [edit] = only(result, 'REFDATA_UNAVAILABLE');
    expect(edit.source.dataset).toBe('ncci-ptp-hospital');
    expect(edit.message).toContain('No outpatient-hospital PTP release is loaded');
    expect(edit.message).toContain('practitioner table was deliberately not used');
  });

  it('uses the hospital PTP table when one is loaded', () => {
    const catalog = fluoroCatalog().add('ncci-ptp-hospital', ptpTable(FLUORO_PTP, { id: 'NCCI-OPH-TEST' }, 'ncci-ptp-hospital'));
    const result = validateClaim(claimWith(['62321', '62320'], { claimType: 'institutional', placeOfService: '22' }), catalog);
    expect(only(result, 'PTP_BUNDLED')[0].source).toMatchObject({ dataset: 'ncci-ptp-hospital', release: 'NCCI-OPH-TEST' });
    expect(only(result, 'REFDATA_UNAVAILABLE')).toEqual([]);
  });

  it('resolves each date of service separately', () => {
    const catalog = new RefDataCatalog()
      .add('mpfs-rvu', feeTable(FLUORO_FEE_ROWS, { id: 'FEE-2025' }))
      .add('mpfs-rvu', feeTable([], { id: 'FEE-2026', validFrom: '2026-01-01', validTo: '2026-12-31' }));
    const result = validateClaim(claimWith(['99213', { code: '99213', dateOfService: '2026-01-05' }]), catalog);
    expect(only(result, 'CODE_UNKNOWN').map((e) => [e.lines[0], e.source.release])).toEqual([[2, 'FEE-2026']]);
    expect(result.releases.slice(0, 2)).toEqual(['FEE-2025', 'FEE-2026']);
  });
});

describe('reference data gaps across dates', () => {
  it('reports one warning per dataset covering every affected date and line', () => {
    const lines = ['2026-02-01', '2025-03-14', '2026-02-03'].map((dateOfService) => ({ code: '99213', dateOfService }));
    const result = validateClaim(claimWith(lines), fluoroCatalog());
    const fee = only(result, 'REFDATA_UNAVAILABLE').filter((e) => e.source.dataset === 'mpfs-rvu');
    expect(fee).toHaveLength(1);
    expect(fee[0].lines).toEqual([1, 3]);
    expect(fee[0].message).toContain('No mpfs-rvu release is in force on dates from 2026-02-01 to 2026-02-03');
  });

  it('memoises per catalog, and forgetCatalog makes a catalog changed in place count again', () => {
    const catalog = fluoroCatalog();
    const claim = claimWith(['20610', { code: '20552', dateOfService: '2026-02-01' }]);
    expect(only(validateClaim(claim, catalog), 'PTP_BUNDLED')).toEqual([]);
    catalog.add('ncci-ptp-practitioner', ptpTable(FLUORO_PTP, { id: 'NCCI-2026-TEST', validFrom: '2026-01-01', validTo: '2026-12-31' }));
    forgetCatalog(catalog);
    const pair = claimWith([
      { code: '20610', dateOfService: '2026-02-01' },
      { code: '20552', dateOfService: '2026-02-01' },
    ]);
    expect(only(validateClaim(pair, catalog), 'PTP_BUNDLED')[0].source.release).toBe('NCCI-2026-TEST');
  });
});

describe('partial edit tables', () => {
  it('warns once that a partial PTP/MUE release leaves codes outside it unchecked', () => {
    const catalog = fluoroCatalog().add(
      'ncci-ptp-practitioner',
      ptpTable(FLUORO_PTP, {
        id: 'NCCI-2026Q3-PARTIAL',
        validFrom: '2026-07-01',
        validTo: '2026-09-30',
        partial: true,
        notes: ['subset of 101 codes'],
      }),
    );
    const dos = '2026-08-03';
    const result = validateClaim(
      claimWith([
        { code: '20610', dateOfService: dos },
        { code: '20552', dateOfService: dos },
      ]),
      catalog,
    );
    const partial = only(result, 'REFDATA_UNAVAILABLE').filter((e) => e.source.release === 'NCCI-2026Q3-PARTIAL');
    expect(partial).toHaveLength(1);
    expect(partial[0]).toMatchObject({ severity: 'warn', lines: [1, 2], source: { notes: ['subset of 101 codes'] } });
    expect(partial[0].message).toContain('is partial');
    expect(partial[0].message).toContain('unknown to this release, not free of edits');
    expect(only(result, 'PTP_BUNDLED')).toHaveLength(1);
  });
});
