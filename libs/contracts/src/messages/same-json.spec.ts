import fc from 'fast-check';
import { sameJson } from './same-json';

/** JSON values with few distinct leaves and keys, so that equal pairs come up often. */
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, false, 0, 1, -0.5, '', 'a', 'b'),
    fc.array(fc.oneof(tie('value'), fc.constant(undefined)), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(tie('value'), fc.constant(undefined)), { maxKeys: 3 }),
  ),
})).value;

describe('sameJson', () => {
  it('answers as comparing the two JSON texts does', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(sameJson(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
        expect(sameJson(a, structuredClone(a))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('counts key order and leaves out undefined values', () => {
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, [2]], [1, [2]])).toBe(true);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson(undefined, null)).toBe(false);
  });
});
