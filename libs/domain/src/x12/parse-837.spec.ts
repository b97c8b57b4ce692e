import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse837, parse837Text } from './parse-837';
import type { X12Result } from './x12-result';

const fixture = (name: string) => readFileSync(join(__dirname, '../intake/__fixtures__/x12', name), 'utf8');
const codes = (r: X12Result) => (r.result.ok ? [] : r.result.error.map((e) => `${e.path} ${e.code}`));

async function collect(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>): Promise<X12Result[]> {
  const out: X12Result[] = [];
  for await (const r of parse837(chunks)) out.push(r);
  return out;
}

describe('parse837', () => {
  it('reads a single 62323 + 77003-26 claim with every loop the canonical claim needs', () => {
    const [only, ...rest] = parse837Text(fixture('single-claim.x12'));
    expect(rest).toEqual([]);
    expect(only.scope).toBe('claim');
    expect(only.submitterClaimId).toBe('LESI-2025-0001');
    expect(only.position).toEqual({
      interchange: '000000101',
      group: '101',
      transactionSet: '0001',
      transactionSetStart: 3,
      claimIndex: 1,
      segment: 21,
    });
    if (!only.result.ok) throw new Error(JSON.stringify(only.result.error));
    expect(only.result.value).toEqual({
      claimId: 'x12-000000101-0001-1',
      submitterClaimId: 'LESI-2025-0001',
      claimType: 'professional',
      frequencyCode: '1',
      placeOfService: '22',
      payer: { type: 'medicare-part-b', id: '13202' },
      billingProvider: { npi: '1234567893', zip: '10016' },
      renderingProviderNpi: '1049726353',
      serviceFacility: { npi: '1286340579', zip: '10016' },
      diagnoses: ['M5416', 'M48061'],
      lines: [
        { lineNumber: 1, code: '62323', modifiers: [], units: 1, charge: 950, dateOfService: '2025-03-14', diagnosisPointers: [1, 2] },
        { lineNumber: 2, code: '77003', modifiers: ['26'], units: 1, charge: 180, dateOfService: '2025-03-14', diagnosisPointers: [1] },
      ],
    });
  });

  it('streams byte chunks of any size, splitting segments and multi-byte boundaries', async () => {
    const bytes = Buffer.from(fixture('many-claims.x12'), 'utf8');
    const whole = parse837Text(fixture('many-claims.x12'));
    for (const size of [1, 7, 106, 4096]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await collect(chunks)).toEqual(whole);
    }
  });

  it('yields five claims across two transaction sets with their own subscribers', () => {
    const results = parse837Text(fixture('many-claims.x12'));
    expect(results.map((r) => [r.scope, r.submitterClaimId, r.position.transactionSet, r.position.claimIndex, r.result.ok])).toEqual([
      ['claim', 'MC-001', '0001', 1, true],
      ['claim', 'MC-002', '0001', 2, true],
      ['claim', 'MC-003', '0001', 3, true],
      ['claim', 'MC-004', '0002', 1, true],
      ['claim', 'MC-005', '0002', 2, true],
    ]);
    const third = results[2].result;
    expect(third.ok && third.value.lines.map((l) => `${l.code}${l.modifiers.map((m) => `-${m}`).join('')}`)).toEqual([
      '64490',
      '64491',
      '77003-26',
    ]);
  });

  // Issue 12: an interchange with a wrong SE count or control number is refused as a whole, every problem named.
  it('refuses every claim of an inconsistent interchange and reports every problem of the bad claim', () => {
    const results = parse837Text(fixture('bad-segments.x12'));
    expect(results.map((r) => [r.scope, r.submitterClaimId, r.result.ok])).toEqual([
      ['claim', 'GOOD-001', false],
      ['claim', 'BAD-002', false],
      ['claim', 'GOOD-003', false],
      ['envelope', undefined, false],
      ['envelope', undefined, false],
    ]);
    expect(codes(results[1]).sort()).toEqual(
      [
        ' X12_SEGMENT_INVALID',
        'diagnoses[1] ICD10_FORMAT',
        'lines X12_TOTAL_MISMATCH',
        'lines[0].dateOfService DATE_INVALID',
        'lines[0].modifiers[0] MODIFIER_UNKNOWN',
        'lines[0].units UNITS_INVALID',
        'lines[1].code CODE_FORMAT',
        'lines[1].code X12_ELEMENT_INVALID',
        'lines[1].diagnosisPointers[0] POINTER_INVALID',
        'renderingProviderNpi NPI_CHECK_DIGIT',
        ' X12_INTERCHANGE_REFUSED',
      ].sort(),
    );
    expect(codes(results[0])).toEqual([' X12_INTERCHANGE_REFUSED']);
    expect(codes(results[2])).toEqual([' X12_INTERCHANGE_REFUSED']);
    const bad = results[1].result;
    const sourceOf = (code: string) => (bad.ok ? undefined : bad.error.find((e) => e.code === code)?.source);
    expect(sourceOf('MODIFIER_UNKNOWN')).toBe('LX segment 30');
    expect(sourceOf('ICD10_FORMAT')).toBe('HI segment 28');
    expect(sourceOf('NPI_CHECK_DIGIT')).toBe('NM1*82 loop 2310B, segment 29');
    expect(sourceOf('X12_SEGMENT_INVALID')).toBe('segment 33');
    expect(codes(results[3])).toEqual(['SE01 X12_SEGMENT_COUNT']);
    expect(codes(results[4])).toEqual(['IEA02 X12_CONTROL_MISMATCH']);
  });

  it('accepts 50 lines and rejects 51 without losing the next claim', () => {
    const [fifty] = parse837Text(fixture('fifty-lines.x12'));
    expect(fifty.result.ok && fifty.result.value.lines.length).toBe(50);
    const [tooMany, next, ...rest] = parse837Text(fixture('fifty-one-lines.x12'));
    expect(codes(tooMany)).toEqual(['lines TOO_MANY_LINES']);
    expect(next.submitterClaimId).toBe('L51-002');
    expect(next.result.ok).toBe(true);
    expect(rest).toEqual([]);
  });

  it('reports a malformed ISA and a truncated interchange', () => {
    expect(parse837Text('ISA*00*short~').map(codes)).toEqual([['ISA X12_ENVELOPE_INCOMPLETE']]);
    const broken = fixture('single-claim.x12').replace('*ZZ*NORTHSIDEPAIN  *', '*ZZ*NORTHSIDEPAIN*');
    expect(parse837Text(broken).map(codes)).toEqual([['ISA X12_ISA_INVALID']]);
    const truncated = fixture('single-claim.x12').split('SE*')[0];
    const results = parse837Text(truncated);
    expect(results.map((r) => [r.scope, r.result.ok])).toEqual([
      ['claim', false],
      ['envelope', false],
    ]);
    expect(codes(results[0])).toEqual([' X12_INTERCHANGE_REFUSED']);
    expect(codes(results[1])).toEqual(['IEA X12_ENVELOPE_INCOMPLETE']);
  });

  it('reads a range date of service from its start and uses any separators the ISA declares', () => {
    const text = fixture('single-claim.x12')
      .replace('DTP*472*D8*20250314~\nLX*2', 'DTP*472*RD8*20250314-20250316~\nLX*2')
      .replace(/\*/g, '|')
      .replace(/~/g, '!')
      .replace(/:/g, '>');
    const [claim] = parse837Text(text);
    expect(claim.result.ok && claim.result.value.lines.map((l) => [l.code, l.modifiers, l.dateOfService])).toEqual([
      ['62323', [], '2025-03-14'],
      ['77003', ['26'], '2025-03-14'],
    ]);
  });
});

describe('parse837 claim details', () => {
  const single = fixture('single-claim.x12');

  it('maps CLM05-3 frequency and SBR09 claim filing indicators', () => {
    const text = single.replace('22:B:1', '22:B:7').replace('SBR*P*18*******MB', 'SBR*P*18*******16');
    const [r] = parse837Text(text);
    expect(r.result.ok && [r.result.value.frequencyCode, r.result.value.payer]).toEqual(['7', { type: 'medicare-advantage', id: '13202' }]);
  });

  it('reads several interchanges from one stream and lets the caller assign ids', async () => {
    const second = fixture('many-claims.x12');
    const seen: string[] = [];
    for await (const r of parse837([single, second], { claimIdFor: (p, id) => `${p.interchange}/${id}`, submitterId: 'northside' })) {
      if (r.result.ok) seen.push(`${r.result.value.claimId} ${r.result.value.submitterId}`);
    }
    expect(seen).toEqual([
      '000000101/LESI-2025-0001 northside',
      '000000102/MC-001 northside',
      '000000102/MC-002 northside',
      '000000102/MC-003 northside',
      '000000102/MC-004 northside',
      '000000102/MC-005 northside',
    ]);
  });

  it('flags a service line segment outside a claim and an ICD-9 diagnosis', () => {
    const text = single.replace('HI*ABK:M5416*ABF:M48061~', 'HI*BK:7242~').replace('HL*2*1*22*0~', 'SV1*HC:99213*100*UN*1~\nHL*2*1*22*0~');
    const results = parse837Text(text);
    expect(results.map((r) => [r.scope, codes(r)])).toEqual([
      ['envelope', [' X12_SEGMENT_UNEXPECTED']],
      [
        'claim',
        [
          'diagnoses[0] X12_ELEMENT_INVALID',
          'lines[0].diagnosisPointers[0] POINTER_INVALID',
          'lines[0].diagnosisPointers[1] POINTER_INVALID',
          'lines[1].diagnosisPointers[0] POINTER_INVALID',
          ' X12_INTERCHANGE_REFUSED',
        ],
      ],
      ['envelope', ['SE01 X12_SEGMENT_COUNT']],
    ]);
  });
});
