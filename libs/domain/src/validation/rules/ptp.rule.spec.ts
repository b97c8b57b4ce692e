import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog({ ptp: { notes: ['effective dates missing from this release'] } });

describe('ptp rule', () => {
  it('denies the column 2 line of an indicator-0 pair whatever the modifiers, and removes it automatically', () => {
    const result = validateClaim(claimWith(['62321', { code: '62320', modifiers: ['59'] }]), catalog);
    const [edit] = only(result, 'PTP_BUNDLED');
    expect(edit).toMatchObject({
      severity: 'deny',
      lines: [2],
      source: { modifierIndicator: '0', rationale: 'HCPCS/CPT procedure code definition' },
    });
    expect(edit.message).toContain('Modifier indicator 0');
    expect(edit.fix).toEqual(expect.objectContaining({ action: 'remove-line', automatic: true }));
    expect(result.correctedClaim.lines.map((l) => l.code)).toEqual(['62321']);
  });

  it('denies an indicator-1 pair without a modifier and suggests XS without applying it', () => {
    const result = validateClaim(claimWith(['20610', '20552']), catalog);
    const [edit] = only(result, 'PTP_BUNDLED');
    expect(edit).toMatchObject({ severity: 'deny', lines: [2], fix: { action: 'add-modifier', modifier: 'XS', automatic: false } });
    expect(result.correctedClaim.lines[1].modifiers).toEqual([]);
  });

  // 25 was in this list until issue #27: it is an E&M modifier and bypasses nothing between two procedures (see ptp-modifiers.spec).
  it.each([['XS'], ['59'], ['RT']])('lets modifier %s on either line bypass indicator 1 with a documentation warning', (mod) => {
    for (const lines of [
      ['20610', { code: '20552', modifiers: [mod] }],
      [{ code: '20610', modifiers: [mod] }, '20552'],
    ]) {
      const [edit] = only(validateClaim(claimWith(lines), catalog), 'PTP_BUNDLED');
      expect(edit.severity).toBe('warn');
      expect(edit.message).toContain(`Modifier ${mod} bypasses`);
      expect(edit.message).toContain('document a distinct service');
    }
  });

  it('does not let 25, an E&M modifier, bypass a pair of procedures (NCCI Policy Manual ch. I §D, §E)', () => {
    for (const lines of [
      ['20610', { code: '20552', modifiers: ['25'] }],
      [{ code: '20610', modifiers: ['25'] }, '20552'],
    ]) {
      const [edit] = only(validateClaim(claimWith(lines), catalog), 'PTP_BUNDLED');
      expect(edit.severity).toBe('deny');
      expect(edit.message).toContain('25 is used on E&M services only');
    }
  });

  it('ignores modifiers that are not NCCI-associated (51, 26)', () => {
    const [edit] = only(validateClaim(claimWith(['20610', { code: '20552', modifiers: ['51'] }]), catalog), 'PTP_BUNDLED');
    expect(edit.severity).toBe('deny');
  });

  it('applies only between lines of the same date and rendering provider', () => {
    expect(only(validateClaim(claimWith(['20610', { code: '20552', dateOfService: '2025-03-15' }]), catalog), 'PTP_BUNDLED')).toEqual([]);
    expect(
      only(validateClaim(claimWith(['20610', { code: '20552', renderingProviderNpi: '1111111112' }]), catalog), 'PTP_BUNDLED'),
    ).toEqual([]);
    const sameViaClaim = claimWith([{ code: '20610', renderingProviderNpi: '1111111112' }, '20552'], {
      renderingProviderNpi: '1111111112',
    });
    expect(only(validateClaim(sameViaClaim, catalog), 'PTP_BUNDLED')).toHaveLength(1);
  });

  it('respects deletion dates: 27093/77002 applies until 2010-03-31 only', () => {
    const old = fluoroCatalog({ fee: { validFrom: '2009-01-01' }, ptp: { validFrom: '2009-01-01' } });
    const on = (dos: string) =>
      only(
        validateClaim(
          claimWith([
            { code: '27093', dateOfService: dos },
            { code: '77002', dateOfService: dos },
          ]),
          old,
        ),
        'PTP_BUNDLED',
      );
    expect(on('2010-03-31')).toHaveLength(1);
    expect(on('2010-03-31')[0].source.deletion).toBe('2010-03-31');
    expect(on('2010-04-01')).toEqual([]);
  });

  it('copies release notes (missing effective dates) into the edit source', () => {
    const [edit] = only(validateClaim(claimWith(['20610', '20552']), catalog), 'PTP_BUNDLED');
    expect(edit.source.notes).toEqual(['effective dates missing from this release']);
    expect(edit.source.effective).toBeNull();
  });
});
