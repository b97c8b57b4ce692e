import { buildCodeView, type RefDataCatalog } from '@claimflow/domain';
import { loadDefaultCatalog } from './load-catalog';

describe('buildCodeView on the shipped reference data', () => {
  let catalog: RefDataCatalog;
  beforeAll(async () => {
    catalog = await loadDefaultCatalog();
  });

  const view = (code: string, date = '2025-03-10') => {
    const v = buildCodeView(catalog, code, date);
    if (!v.ok) throw new Error(v.error.message);
    return v.value;
  };

  it('describes 77003 as an add-on with its primaries, indicators and MUE', () => {
    const v = view('77003');
    expect(v.summary).toMatch(/spine/);
    expect(v.feeScheduleRelease).toBe('MPFS-2025-OCT');
    expect(v.globalDays).toEqual({ value: 'ZZZ', meaning: expect.stringContaining('another service') });
    expect(v.pctc?.value).toBe('1');
    expect(v.addon.release === null ? null : v.addon.value).toEqual(
      expect.objectContaining({ type: 1, primaries: expect.arrayContaining(['62280', '64610', '96450']) }),
    );
    const hospital = v.mue.hospital;
    expect(hospital.release === null ? null : hospital.value).toEqual(expect.objectContaining({ value: 1, mai: 3 }));
  });

  it('reads NCCI from the nearest complete release when none is in force, and says so', () => {
    const v = view('77003');
    expect(v.ptp.release).toBe('NCCI-2024Q3');
    if (v.ptp.release === null) throw new Error('no PTP');
    expect(v.ptp.notes[0]).toMatch(/No ncci-ptp-practitioner release is in force on 2025-03-10; showing NCCI-2024Q3/);
    const with62323 = v.ptp.value.asColumn2.find((p) => p.column1 === '62323');
    expect(with62323).toEqual(expect.objectContaining({ column2: '77003', bypassable: with62323?.modifierIndicator === '1' }));
  });

  it('ties each piece of guidance to the edit that enforces it', () => {
    const edits = view('77003').guidance.map((g) => g.edit);
    expect(edits).toEqual(
      expect.arrayContaining([
        'ADDON_WITHOUT_PRIMARY',
        'GUIDANCE_INCLUDED',
        'PTP_BUNDLED',
        'MUE_EXCEEDED',
        'PCTC_MODIFIER',
        'FACILITY_PACKAGED',
        'DOCUMENTATION',
      ]),
    );
    expect(view('76000').guidance.find((g) => g.edit === 'GUIDANCE_INCLUDED')?.text).toMatch(/Report only the specific guidance code/);
  });

  it('names a deleted code and refuses one nobody knows', () => {
    expect(view('76001').guidance[0]).toEqual(expect.objectContaining({ edit: 'CODE_DELETED', title: 'Deleted on 2019-01-01' }));
    const unknown = buildCodeView(catalog, '99999', '2025-03-10');
    expect(unknown.ok ? null : unknown.error.code).toBe('CODE_UNKNOWN');
  });
  it('shows what changed this quarter for the code: 77003 from MPFS-2025-OCT to the 2026 release', () => {
    const v = view('77003', '2026-08-01');
    const rvu = v.changes.datasets.find((d) => d.dataset === 'mpfs-rvu');
    expect(rvu).toMatchObject({ from: 'MPFS-2025-OCT', to: 'MPFS-2026-JUL-PARTIAL' });
    expect(rvu?.changes.find((c) => c.key === '77003')?.fields).toContainEqual({ field: 'nonFacilityTotal', from: 3.08, to: 3.13 });
    const mue = v.changes.datasets.find((d) => d.dataset === 'ncci-mue-practitioner');
    expect(mue).toMatchObject({ from: 'NCCI-2024Q3', to: 'NCCI-2026Q3-PARTIAL' });
  });
});

describe('buildCodeView when the release in force is a partial subset', () => {
  it('answers from the nearest complete release for a code the subset lacks, and says why', async () => {
    const catalog = await loadDefaultCatalog();
    const built = buildCodeView(catalog, '77002', '2026-11-24');
    if (!built.ok) throw new Error(built.error.message);
    const v = built.value;
    expect(v.ptp.release).toBe('NCCI-2024Q3');
    if (v.ptp.release === null) throw new Error('no PTP');
    expect(v.ptp.notes[0]).toMatch(/^NCCI-2026Q4-PARTIAL \(partial\) does not cover 77002; showing NCCI-2024Q3/);
    expect(v.ptp.value.asColumn1.length + v.ptp.value.asColumn2.length).toBeGreaterThan(0);
    expect(v.mue.practitioner.release).toBe('NCCI-2024Q3');
  });

  it('takes the fee schedule facts of a code the CY2026 excerpt lacks (99213) from the nearest complete year', async () => {
    const built = buildCodeView(await loadDefaultCatalog(), '99213', '2026-11-24');
    if (!built.ok) throw new Error(built.error.message);
    expect(built.value.feeScheduleRelease).toBe('MPFS-2025-OCT');
    expect(built.value.status).toEqual(expect.objectContaining({ value: 'A', payable: true }));
    expect(built.value.globalDays?.value).toBe('XXX');
  });
});
