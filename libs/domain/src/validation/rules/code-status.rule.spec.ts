import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only, summary } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const statusEdits = (codes: Parameters<typeof claimWith>[0], cat = catalog) => {
  const r = validateClaim(claimWith(codes), cat);
  return [...only(r, 'CODE_UNKNOWN'), ...only(r, 'CODE_DELETED'), ...only(r, 'CODE_NOT_PAYABLE')];
};

describe('code status rule', () => {
  it.each([
    ['36000', 'B', 'bundled'],
    ['0001F', 'I', 'Medicare uses another code'],
    ['32850', 'X', 'statutory exclusion'],
  ])('denies %s (status %s) as not payable, saying why', (code, status, words) => {
    const [edit] = statusEdits(['99213', code]);
    expect(edit).toMatchObject({ code: 'CODE_NOT_PAYABLE', severity: 'deny', lines: [2], source: { rationale: `MPFS status ${status}` } });
    expect(edit.message).toContain(`status ${status}`);
    expect(edit.message).toContain(words);
  });

  it.each([['00100'], ['0627T'], ['99213']])('passes payable statuses (%s: J anesthesia, C carrier priced, A)', (code) => {
    expect(statusEdits([code])).toEqual([]);
  });

  it('uses the 26 row of an interpretation-only code: 83020-26 is payable, 83020 itself is a lab test (status X, warn)', () => {
    expect(summary(validateClaim(claimWith([{ code: '83020', modifiers: ['26'] }]), catalog))).toEqual([]);
    expect(statusEdits(['83020'])[0]).toMatchObject({ code: 'CODE_NOT_PAYABLE', severity: 'warn' });
  });

  it('denies a CPT code absent from a full fee-schedule release as unknown', () => {
    const [edit] = statusEdits(['12345']);
    expect(edit).toMatchObject({ code: 'CODE_UNKNOWN', severity: 'deny' });
    expect(edit.message).toContain('not on the physician fee schedule in force on 2025-03-14 (mpfs-rvu-TEST)');
  });

  it('only warns for codes likely priced on another fee schedule (lab, HCPCS level II)', () => {
    expect(statusEdits(['0001U', 'J1030']).map((e) => [e.code, e.severity])).toEqual([
      ['CODE_UNKNOWN', 'warn'],
      ['CODE_UNKNOWN', 'warn'],
    ]);
    expect(statusEdits(['80053', 'G0008']).map((e) => [e.code, e.severity])).toEqual([
      ['CODE_NOT_PAYABLE', 'warn'],
      ['CODE_NOT_PAYABLE', 'warn'],
    ]);
  });

  it('says "unknown to this partial release" with a warn in a partial release', () => {
    const partial = fluoroCatalog({ fee: { id: 'MPFS-2026-EXCERPT', partial: true } });
    const [edit] = statusEdits(['12345'], partial);
    expect(edit).toMatchObject({ code: 'CODE_UNKNOWN', severity: 'warn' });
    expect(edit.message).toContain('unknown to this partial release (MPFS-2026-EXCERPT, a fee-schedule excerpt)');
  });

  it('names 76001 as deleted even in a partial release, but not before its deletion date', () => {
    const partial = fluoroCatalog({ fee: { partial: true } });
    expect(statusEdits(['76001'], partial)[0]).toMatchObject({
      code: 'CODE_DELETED',
      severity: 'deny',
      source: { deletion: '2019-01-01' },
    });
    const old = fluoroCatalog({ fee: { validFrom: '2018-01-01' } });
    const r = validateClaim(claimWith([{ code: '76001', dateOfService: '2018-12-31' }]), old);
    expect(only(r, 'CODE_DELETED')).toEqual([]);
    expect(only(r, 'CODE_UNKNOWN')).toHaveLength(1);
  });

  it('denies a status T injection (36591) billed with another payable service by the same provider', () => {
    expect(statusEdits(['36591'])).toEqual([]);
    expect(statusEdits(['99213', '36591'])[0]).toMatchObject({ code: 'CODE_NOT_PAYABLE', lines: [2], fix: { action: 'remove-line' } });
    expect(statusEdits(['99213', { code: '36591', renderingProviderNpi: '1111111112' }])).toEqual([]);
  });

  it('names deleted codes without a single replacement and leaves the choice to the coder (62311, 2017)', () => {
    const [edit] = statusEdits(['62311']);
    expect(edit).toMatchObject({ code: 'CODE_DELETED', severity: 'deny', fix: { action: 'replace-code', automatic: false } });
    expect(edit.message).toContain('62311 (line 1) was deleted on 2017-01-01');
    expect(edit.message).toContain('62320-62327');
    expect(statusEdits(['76005'])[0].fix).toMatchObject({ replacementCode: '77003', automatic: true });
  });
});
