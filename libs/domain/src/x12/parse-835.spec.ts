import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse835, parse835Text } from './parse-835';
import type { Remit835Result, RemitClaim } from './remit-835.types';

const fixture = (name: string) => readFileSync(join(__dirname, '../intake/__fixtures__/x835', name), 'utf8');
const claims = (results: Remit835Result[]): RemitClaim[] =>
  results.map((r) => {
    if (!r.result.ok) throw new Error(`unexpected problems: ${JSON.stringify(r.result.error)}`);
    return r.result.value;
  });
const problems = (results: Remit835Result[]) => results.flatMap((r) => (r.result.ok ? [] : r.result.error));

describe('parse835 (005010X221A1)', () => {
  it('reads a paid line, a CO-97/N130 denial, a CO-45 partial payment and a denied claim', () => {
    const results = parse835Text(fixture('paid-denied-adjusted.835'));
    expect(results.every((r) => r.scope === 'claim')).toBe(true);
    const [lesi, facet, fluoro] = claims(results);
    expect(results[0].header).toEqual({
      handlingCode: 'I',
      totalPaid: 553.6,
      creditDebit: 'C',
      paymentMethod: 'ACH',
      paymentDate: '2025-10-20',
      traceNumber: 'EFT20251020001',
      originatorId: '1234567890',
      productionDate: '2025-10-17',
      payer: { name: 'MEDICARE PART B JK', id: '13202' },
      payee: { name: 'NORTHSIDE PAIN CLINIC', idQualifier: 'XX', id: '1234567893' },
    });
    expect(results[1].header).toBe(results[0].header);
    expect(lesi).toMatchObject({
      patientControlNumber: 'LESI-2025-0001',
      status: '1',
      charge: 1130,
      paid: 313.6,
      patientResponsibility: 80,
      filingIndicator: 'MB',
      payerClaimControlNumber: '25290001234501',
      frequencyCode: '1',
      statementFrom: '2025-03-14',
      statementTo: '2025-03-14',
      adjustments: [],
      remarks: [],
    });
    expect(lesi.lines[0]).toEqual({
      qualifier: 'HC',
      code: '62323',
      modifiers: [],
      charge: 950,
      paid: 313.6,
      units: 1,
      dateOfService: '2025-03-14',
      adjustments: [
        { group: 'CO', reason: '45', amount: 550 },
        { group: 'CO', reason: '253', amount: 6.4 },
        { group: 'PR', reason: '2', amount: 80 },
      ],
      remarks: [],
      lineControlNumber: '1',
      allowed: 400,
      segment: 21,
    });
    expect(lesi.lines[1]).toMatchObject({
      code: '77003',
      modifiers: ['26'],
      paid: 0,
      adjustments: [{ group: 'CO', reason: '97', amount: 180 }],
      remarks: ['N130'],
    });
    expect(facet.lines[0].adjustments.map((a) => `${a.group}-${a.reason}`)).toEqual(['CO-45', 'PR-2']);
    expect(fluoro).toMatchObject({ status: '4', paid: 0, remarks: ['MA130'] });
    expect(fluoro.lines[0]).toMatchObject({ code: '76000', remarks: ['M51'], adjustments: [{ group: 'CO', reason: '16', amount: 120 }] });
    expect(results.map((r) => r.position.claimIndex)).toEqual([1, 2, 3]);
  });

  it('reads a reversal (CLP02 22, negative amounts) followed by its correction', () => {
    const [reversal, correction] = claims(parse835Text(fixture('reversal-correction.835')));
    expect(reversal).toMatchObject({ status: '22', charge: -1130, paid: -313.6, patientResponsibility: -80 });
    expect(reversal.lines[0]).toMatchObject({ charge: -950, paid: -313.6, units: 1 });
    expect(reversal.lines[1].adjustments).toEqual([{ group: 'CO', reason: '97', amount: -180 }]);
    expect(correction).toMatchObject({ patientControlNumber: 'LESI-2025-0001', status: '1', paid: 348.88 });
    expect(correction.lines[1].adjustments).toEqual([
      { group: 'CO', reason: '45', amount: 135 },
      { group: 'CO', reason: '253', amount: 0.72 },
      { group: 'PR', reason: '2', amount: 9 },
    ]);
  });

  it('reads several payers and claims in one interchange, with provider-level adjustments in the BPR balance', () => {
    const results = parse835Text(fixture('two-payers.835'));
    expect(problems(results)).toEqual([]);
    expect(results.map((r) => [r.header?.payer.name, r.position.transactionSet, r.patientControlNumber])).toEqual([
      ['MEDICARE PART B JK', '0001', 'PICC-2025-0010'],
      ['MEDICARE PART B JK', '0001', 'BIOPSY-2025-0011'],
      ['ACME HEALTH PLAN', '0002', 'LESI-2025-0020'],
    ]);
    const [picc, biopsy, lesi] = claims(results);
    expect(picc.lines[1].remarks).toEqual(['N130', 'M15']);
    expect(biopsy.lines[1]).toMatchObject({ code: '77002', units: 2, adjustments: [{ group: 'CO', reason: '151', amount: 200 }] });
    expect(lesi.filingIndicator).toBe('CI');
    expect(results[2].header).toMatchObject({ paymentMethod: 'CHK', payer: { id: 'ACME01' }, paymentDate: '2025-11-04' });
  });

  it('reports field-level problems by path and segment, never echoing values', () => {
    const text = fixture('malformed.835');
    const results = parse835Text(text);
    const found = problems(results).map((e) => `${e.code} ${e.path} @${e.source}`);
    expect(found).toEqual([
      'DATE_INVALID payment.date @BPR segment 4',
      'X12_ELEMENT_INVALID payment.creditDebit @BPR segment 4',
      'X12_ELEMENT_INVALID status @CLP segment 16',
      'X12_ELEMENT_INVALID charge @CLP segment 16',
      'X12_ELEMENT_INVALID lines[0].code @SVC segment 17',
      'DATE_INVALID lines[0].dateOfService @DTM segment 18',
      'X12_ELEMENT_INVALID lines[0].adjustments[0].group @CAS segment 19',
      'X12_ELEMENT_INVALID lines[0].remarks[0] @LQ segment 24',
      'X12_TOTAL_MISMATCH lines[0] @SVC segment 21',
      'X12_TOTAL_MISMATCH paid @CLP segment 20',
      'REQUIRED patientControlNumber @CLP segment 25',
      'REQUIRED payerClaimControlNumber @CLP segment 25',
      'REQUIRED lines[0].code @SVC segment 26',
      'X12_TOTAL_MISMATCH payment.totalPaid @SE segment 27',
      'X12_SEGMENT_COUNT SE01 @SE segment 27',
      'X12_CONTROL_MISMATCH GE02 @GE segment 28',
    ]);
    expect(results.filter((r) => r.scope === 'claim').map((r) => r.patientControlNumber)).toEqual([
      'BAD-2025-0001',
      'BAD-2025-0002',
      undefined,
    ]);
    for (const e of problems(results)) {
      for (const value of ['ABC', 'BAD-2025', 'NOT-A-REMARK', '20250230', '2025130']) expect(e.message).not.toContain(value);
    }
  });

  it('refuses amounts of a trillion dollars or more, which no payment reaches', () => {
    const text = fixture('paid-denied-adjusted.835').replace('CLP*FACET-2025-0002*1*600*', 'CLP*FACET-2025-0002*1*1000000000000*');
    const found = problems(parse835Text(text)).map((e) => `${e.code} ${e.path}`);
    expect(found).toEqual(['X12_ELEMENT_INVALID charge']);
  });

  it('refuses an 837 sent as an 835 and reports missing header parties', () => {
    const text = fixture('paid-denied-adjusted.835')
      .replace('ST*835*0001*005010X221A1~', 'ST*837*0001*005010X221A1~')
      .replace(/N1\*PE\*[^~]*~/, '');
    const codes = problems(parse835Text(text)).map((e) => `${e.code} ${e.path}`);
    expect(codes).toEqual(expect.arrayContaining(['X12_VERSION_UNSUPPORTED ST01', 'REQUIRED payee', 'X12_SEGMENT_COUNT SE01']));
  });

  it('reports a truncated remittance and a foreign segment', () => {
    const text = fixture('two-payers.835');
    const cut = text.slice(0, text.indexOf('CLP*BIOPSY')) + 'ZZZ*1~\nSVC*HC:21550*500*115';
    const results = parse835Text(cut);
    const codes = problems(results).map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['X12_SEGMENT_INVALID', 'X12_ENVELOPE_INCOMPLETE']));
    expect(results.find((r) => r.patientControlNumber === 'PICC-2025-0010')?.result.ok).toBe(false);
    expect(problems(results).find((e) => e.code === 'X12_ENVELOPE_INCOMPLETE' && /inside/.test(e.message))?.message).toBe(
      'input ends inside a SVC segment',
    );
    for (const e of problems(results)) expect(e.message).not.toMatch(/21550|115|ZZZ/);
  });

  it('streams in arbitrary chunks with the same results, yielding each claim before the input ends', async () => {
    const text = fixture('two-payers.835');
    const chunks = text.match(/[\s\S]{1,7}/g) ?? [];
    const streamed: Remit835Result[] = [];
    for await (const r of parse835(chunks.map((c, i) => (i % 2 ? new TextEncoder().encode(c) : c)))) streamed.push(r);
    expect(streamed).toEqual(parse835Text(text));

    const claim = text.slice(text.indexOf('CLP*PICC'), text.indexOf('CLP*BIOPSY'));
    let read = 0;
    function* thousandClaims() {
      yield text.slice(0, text.indexOf('CLP*PICC'));
      for (let i = 0; i < 1000; i++, read++) yield claim;
      yield 'SE*999*0001~GE*1*503~IEA*1*000000503~';
    }
    const seenAt: number[] = [];
    for await (const r of parse835(thousandClaims())) if (r.scope === 'claim') seenAt.push(read);
    expect(seenAt).toHaveLength(1000);
    // Each claim payment comes out as soon as the next CLP arrives, not when the input ends.
    expect(seenAt[0]).toBeLessThanOrEqual(1);
    expect(seenAt[500]).toBeLessThanOrEqual(501);
  });
});
