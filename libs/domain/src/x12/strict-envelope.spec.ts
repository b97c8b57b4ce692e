import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse837, parse837Text } from './parse-837';
import type { X12Result } from './x12-result';

const single = readFileSync(join(__dirname, '../intake/__fixtures__/x12/single-claim.x12'), 'utf8');
const errorsOf = (results: X12Result[]) => results.flatMap((r) => (r.result.ok ? [] : r.result.error));
const codesOf = (results: X12Result[]) => errorsOf(results).map((e) => e.code);
const accepted = (results: X12Result[]) => results.filter((r) => r.scope === 'claim' && r.result.ok);

async function collect(chunks: Iterable<string | Uint8Array>): Promise<X12Result[]> {
  const out: X12Result[] = [];
  for await (const r of parse837(chunks)) out.push(r);
  return out;
}

// Regression (issue 12): these interchanges were accepted and priced.
describe('837P envelopes are complete and consistent, or the interchange is refused', () => {
  it('accepts the complete interchange', () => {
    expect(accepted(parse837Text(single))).toHaveLength(1);
  });

  it.each([
    ['no GE or IEA', single.split('GE*')[0], 'X12_ENVELOPE_INCOMPLETE', 'IEA'],
    ['no IEA', single.split('IEA*')[0], 'X12_ENVELOPE_INCOMPLETE', 'IEA'],
    ['a wrong SE segment count', single.replace('SE*31*0001', 'SE*30*0001'), 'X12_SEGMENT_COUNT', 'SE segment 33'],
    ['a wrong SE control number', single.replace('SE*31*0001', 'SE*31*0002'), 'X12_CONTROL_MISMATCH', 'SE segment 33'],
    ['a wrong GE count', single.replace('GE*1*101', 'GE*2*101'), 'X12_TRANSACTION_COUNT', 'GE segment 34'],
    ['a wrong IEA control number', single.replace('IEA*1*000000101', 'IEA*1*000000999'), 'X12_CONTROL_MISMATCH', 'IEA segment 35'],
    ['version 004010 in GS08', single.replace('*X*005010X222A1~', '*X*004010X098A1~'), 'X12_VERSION_UNSUPPORTED', 'GS segment 2'],
    [
      'version 004010 in ST03',
      single.replace('ST*837*0001*005010X222A1', 'ST*837*0001*004010X098A1'),
      'X12_VERSION_UNSUPPORTED',
      'ST segment 3',
    ],
    ['version 00401 in ISA12', single.replace('*^*00501*', '*U*00401*'), 'X12_VERSION_UNSUPPORTED', 'ISA segment 1'],
  ])('refuses %s, naming the segment', (_name, text, code, source) => {
    const results = parse837Text(text);
    expect(accepted(results)).toEqual([]);
    const problem = errorsOf(results).find((e) => e.code === code);
    expect(problem).toBeDefined();
    if (source !== 'IEA') expect(problem?.source).toBe(source);
    expect(codesOf(results)).toContain('X12_INTERCHANGE_REFUSED');
  });

  it('refuses only the broken interchange of two', () => {
    const second = single.replace(/000000101/g, '000000102').replace('SE*31*0001', 'SE*29*0001');
    const results = parse837Text(single + second);
    expect(accepted(results).map((r) => r.position.interchange)).toEqual(['000000101']);
  });

  it('names the segment holding a NUL character and reads no further', () => {
    const results = parse837Text(single.replace('SV1*HC:62323', 'SV1*HC:623\u000023'));
    expect(accepted(results)).toEqual([]);
    expect(errorsOf(results).find((e) => e.code === 'NUL_CHARACTER')?.source).toBe('segment 28');
  });

  it('names the byte offset of invalid UTF-8, also when a chunk boundary splits a character', async () => {
    const bytes = Buffer.from(single.replace('NORTHSIDE PAIN CLINIC*****46', 'NORTHSIDE PAIN CLINIQUÉ*****46'), 'utf8');
    const at = bytes.indexOf(Buffer.from('É', 'utf8'));
    // Split inside the two-byte É: still valid.
    expect(accepted(await collect([bytes.subarray(0, at + 1), bytes.subarray(at + 1)]))).toHaveLength(1);
    const broken = Buffer.from(bytes);
    broken[at + 1] = 0x41;
    const results = await collect([broken.subarray(0, at + 1), broken.subarray(at + 1)]);
    expect(accepted(results)).toEqual([]);
    expect(errorsOf(results).find((e) => e.code === 'ENCODING_INVALID')?.source).toBe(`byte ${at}`);
  });

  it('refuses bytes cut inside a character at the end', async () => {
    const results = await collect([Buffer.from(single, 'utf8'), Buffer.from([0xe2, 0x82])]);
    expect(codesOf(results)).toContain('ENCODING_INVALID');
  });
});
