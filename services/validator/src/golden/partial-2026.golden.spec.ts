import { loadDefaultCatalog } from '@claimflow/refdata';
import { validateClaim, type RefDataCatalog } from '@claimflow/domain';
import { goldenClaim } from './golden.helpers';

let catalog: RefDataCatalog;
beforeAll(async () => {
  catalog = await loadDefaultCatalog();
});

const on = (dos: string, codes: string[]) => goldenClaim(codes.map((code) => ({ code, dateOfService: dos })));
const summary = (codes: string[], dos = '2026-08-03') =>
  validateClaim(on(dos, codes), catalog).edits.map((e) => `${e.code} ${e.severity} ${e.lines.join(',')} ${e.source.release}`);

describe('golden: the partial 2026 releases (PPRRVU excerpt, NCCI 2026Q3 subset)', () => {
  it('uses the subset PTP edit with its real effective date, and says every table is incomplete', () => {
    expect(summary(['99213', '20610'])).toEqual([
      'REFDATA_UNAVAILABLE warn 1,2 NCCI-2026Q3-PARTIAL',
      'REFDATA_UNAVAILABLE warn 1,2 NCCI-2026Q3-PARTIAL',
      'REFDATA_UNAVAILABLE warn 1,2 none',
      'CODE_UNKNOWN warn 1 MPFS-2026-JUL-PARTIAL',
      'CODE_UNKNOWN warn 2 MPFS-2026-JUL-PARTIAL',
      'PTP_BUNDLED deny 1 NCCI-2026Q3-PARTIAL',
    ]);
    const ptp = validateClaim(on('2026-08-03', ['99213', '20610']), catalog).edits.find((e) => e.code === 'PTP_BUNDLED')!;
    expect(ptp.source).toMatchObject({ effective: '2020-10-01', deletion: null, modifierIndicator: '1' });
    expect(ptp.source.rationale).toBeUndefined();
    expect(ptp.message).toContain('99213 (line 1) is a column 2 code of 20610 (line 2) in the NCCI PTP edits. Modifier indicator 1');
  });

  it('knows the excerpt codes (76000, 77003) and calls the others unknown to this partial release, never deleted', () => {
    const edits = summary(['64520', '77003']);
    expect(edits).toContain('CODE_UNKNOWN warn 1 MPFS-2026-JUL-PARTIAL');
    expect(edits.filter((e) => e.includes(' 2 MPFS'))).toEqual([]);
    expect(summary(['76001'])).toContain('CODE_DELETED deny 1 MPFS-2026-JUL-PARTIAL');
  });

  it('issue #27: 99213 beside 20610 takes 25, never XS (NCCI Policy Manual ch. I §D, §E), and 99213-XS is not a bypass', () => {
    const claim = (modifiers: string[]) =>
      goldenClaim([
        { code: '99213', modifiers, dateOfService: '2026-11-02' },
        { code: '20610', dateOfService: '2026-11-02' },
      ]);
    const plain = validateClaim(claim([]), catalog).edits.find((e) => e.code === 'PTP_BUNDLED')!;
    expect(plain).toMatchObject({ severity: 'deny', lines: [1], fix: { action: 'add-modifier', modifier: '25', automatic: false } });
    expect(plain.fix.detail).toContain('append 25 to the E&M 99213 (line 1)');
    // 20610's global days (000) come from CY2025, the nearest complete fee schedule: the CY2026 excerpt lacks 20610.
    expect(plain.fix.detail).not.toContain('or 57');
    const xs = validateClaim(claim(['XS']), catalog);
    expect(xs.edits.filter((e) => e.code === 'PTP_BUNDLED' || e.code === 'MODIFIER_INVALID').map((e) => `${e.code} ${e.severity}`)).toEqual(
      ['PTP_BUNDLED deny', 'MODIFIER_INVALID warn'],
    );
    const with25 = validateClaim(claim(['25']), catalog).edits.find((e) => e.code === 'PTP_BUNDLED')!;
    expect(with25.severity).toBe('warn');
    expect(with25.message).not.toContain('different site, session, or encounter');
  });

  it('moves to the Q4 subset on 2026-10-01', () => {
    expect(summary(['99213', '20610'], '2026-10-01')).toContain('PTP_BUNDLED deny 1 NCCI-2026Q4-PARTIAL');
  });
});
