import { findNul, readJsonBody } from './read-json-body';
import { incompleteTail, invalidUtf8Offset } from './utf8';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('invalidUtf8Offset', () => {
  it.each([
    ['ascii', bytes('{"a":1}'), -1],
    ['multi-byte', bytes('é€𝄞'), -1],
    ['a lone continuation byte', bytes('ab', [0x80]), 2],
    ['an overlong slash', bytes('a', [0xc0, 0xaf]), 1],
    ['a surrogate', bytes('ab', [0xed, 0xa0, 0x80]), 2],
    ['above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0],
    ['a cut sequence', bytes('abc', [0xe2, 0x82]), 3],
  ])('%s', (_name, input, expected) => expect(invalidUtf8Offset(input)).toBe(expected));

  it('accepts a sequence cut by the end of a chunk when told', () => {
    expect(invalidUtf8Offset(bytes('abc', [0xe2, 0x82]), true)).toBe(-1);
    expect(incompleteTail(bytes('abc', [0xe2, 0x82]))).toBe(2);
    expect(incompleteTail(bytes('abc€'))).toBe(0);
  });

  it('agrees with the platform decoder', () => {
    const samples = [bytes([0xe0, 0x80, 0x80]), bytes([0xf0, 0x8f, 0xbf, 0xbf]), bytes([0xef, 0xbf, 0xbf]), bytes([0xf5])];
    for (const s of samples) {
      let platform = true;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(s);
      } catch {
        platform = false;
      }
      expect(invalidUtf8Offset(s) < 0).toBe(platform);
    }
  });
});

describe('readJsonBody', () => {
  it('reads a document', () => expect(readJsonBody(bytes('\uFEFF[{"a":"é"}]'))).toEqual({ ok: true, value: [{ a: 'é' }] }));

  it('names the offset of invalid UTF-8', () => {
    const r = readJsonBody(bytes('{"a":"', [0xff], '"}'));
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'ENCODING_INVALID', source: 'byte 6' }) });
  });

  it('names the path of a NUL character, without the value', () => {
    const r = readJsonBody(bytes(JSON.stringify({ lines: [{ code: 'SECRET\u0000' }] })));
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'NUL_CHARACTER', path: 'lines[0].code' }) });
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('refuses malformed JSON without quoting it', () => {
    const r = readJsonBody(bytes('{"patient": SECRET}'));
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'JSON_MALFORMED' }) });
    expect(JSON.stringify(r)).not.toContain('SECRET');
  });

  it('walks any depth without recursion', () => {
    const deep = '['.repeat(100_000) + '"\\u0000"' + ']'.repeat(100_000);
    expect(findNul(JSON.parse(deep))).toMatch(/^\[0\]/);
  });
});
