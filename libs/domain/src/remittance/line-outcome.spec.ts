import { describeCarc, describeRarc } from './carc-rarc.table';
import { lineOutcome, lineReasonCodes, lineRemarkCodes } from './line-outcome';
import { remitClaims } from './testing/remit.fixture';

describe('payer outcome of a line', () => {
  it('tells paid, denied and adjusted apart, and a reversal', () => {
    const [lesi, facet, fluoro] = remitClaims('paid-denied-adjusted.835');
    expect(lesi.lines.map((l) => lineOutcome(l, lesi))).toEqual(['paid', 'denied']);
    expect(lineReasonCodes(lesi.lines[1], lesi)).toEqual(['CO-97']);
    expect(lineRemarkCodes(lesi.lines[1], lesi)).toEqual(['N130']);
    expect(lineOutcome(facet.lines[0], facet)).toBe('paid');
    expect(lineOutcome(fluoro.lines[0], fluoro)).toBe('denied');
    expect(lineRemarkCodes(fluoro.lines[0], fluoro)).toEqual(['M51', 'MA130']);

    const [reversal, correction] = remitClaims('reversal-correction.835');
    expect(reversal.lines.map((l) => lineOutcome(l, reversal))).toEqual(['reversed', 'reversed']);
    expect(correction.lines.map((l) => lineOutcome(l, correction))).toEqual(['paid', 'paid']);
  });

  it('calls a line paid for fewer units adjusted', () => {
    const [, biopsy] = remitClaims('two-payers.835');
    const partly = { ...biopsy.lines[1], paid: 100, adjustments: [{ group: 'CO' as const, reason: '151', amount: 100 }] };
    expect(lineOutcome(partly, biopsy)).toBe('adjusted');
    expect(lineOutcome(biopsy.lines[1], biopsy)).toBe('denied');
  });

  it('uses the claim-level adjustments when a line has none', () => {
    const [lesi] = remitClaims('paid-denied-adjusted.835');
    const claim = { ...lesi, status: '4', adjustments: [{ group: 'CO' as const, reason: '16', amount: 1130 }] };
    const line = { ...lesi.lines[0], paid: 0, adjustments: [] };
    expect(lineOutcome(line, claim)).toBe('denied');
    expect(lineReasonCodes(line, claim)).toEqual(['CO-16']);
  });

  it('describes CARCs and RARCs, and names the code alone when it holds no meaning for it', () => {
    expect(describeCarc('CO', '97')).toMatch(/^CO-97: .*included in the payment for another service/);
    expect(describeRarc('N130')).toMatch(/^N130: /);
    expect(describeCarc('OA', '299')).toBe('OA-299');
    expect(describeRarc('N9999')).toBe('N9999');
  });
});
