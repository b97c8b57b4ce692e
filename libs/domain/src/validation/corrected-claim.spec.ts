import { correctedClaim } from './corrected-claim';
import type { Edit } from './edit';
import { claimWith } from './testing/claim.fixture';

const edit = (lines: number[], fix: Edit['fix']): Edit => ({
  code: 'PTP_BUNDLED',
  severity: 'deny',
  lines,
  message: 'test',
  source: { dataset: 'ncci-ptp-practitioner', release: 'T' },
  fix,
});

describe('correctedClaim', () => {
  const claim = claimWith(['62321', { code: '62320', units: 2 }, { code: '77002', modifiers: ['51'] }]);

  it('applies only automatic fixes and keeps line numbers', () => {
    const out = correctedClaim(claim, [
      edit([2], { action: 'remove-line', detail: '', automatic: true }),
      edit([3], { action: 'add-modifier', modifier: '26', detail: '', automatic: true }),
      edit([3], { action: 'remove-modifier', modifier: '51', detail: '', automatic: true }),
      edit([1], { action: 'replace-code', replacementCode: '62323', detail: '', automatic: false }),
    ]);
    expect(out.lines.map((l) => [l.lineNumber, l.code, l.modifiers])).toEqual([
      [1, '62321', []],
      [3, '77002', ['26']],
    ]);
    expect(claim.lines[2].modifiers).toEqual(['51']);
  });

  it('never adds 59 or an X modifier, even if a fix says automatic', () => {
    const out = correctedClaim(claim, [edit([2], { action: 'add-modifier', modifier: 'XS', detail: '', automatic: true })]);
    expect(out.lines[1].modifiers).toEqual([]);
  });

  it('shares reduced units across lines and drops a line left with none', () => {
    const two = claimWith([{ code: '76000', units: 2 }, { code: '76000', units: 2 }, '76000']);
    const out = correctedClaim(two, [edit([1, 2, 3], { action: 'reduce-units', units: 3, detail: '', automatic: true })]);
    expect(out.lines.map((l) => [l.lineNumber, l.units])).toEqual([
      [1, 2],
      [2, 1],
    ]);
  });

  it('keeps the claim as it is rather than return one without lines', () => {
    const one = claimWith(['A4206']);
    expect(correctedClaim(one, [edit([1], { action: 'remove-line', detail: '', automatic: true })])).toBe(one);
  });
});
