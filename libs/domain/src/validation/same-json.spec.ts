import fc from 'fast-check';
import { same } from './same-json';

/** The form same had before it looped over the keys: its key lists, compared as lists. */
function sameByKeyLists(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && sameByKeyLists(x[k], y[k]));
}

/** The same value with its objects' keys in reverse order: equal, key order aside. */
const reordered = (v: unknown): unknown => {
  if (Array.isArray(v)) return v.map(reordered);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reordered(x)]),
  );
};

describe('same (structural equality of JSON values, key order aside)', () => {
  const json = fc.jsonValue({ maxDepth: 4 });

  it('agrees with the key-list form on any two values, and on a value and its copy with keys reordered', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(same(a, b)).toBe(sameByKeyLists(a, b));
        expect(same(a, reordered(a))).toBe(true);
        expect(same(a, JSON.parse(JSON.stringify(a)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells apart what differs in one place: a value, a missing key, a key whose value is undefined, an array from an object', () => {
    const edit = { code: 'PTP', lines: [1, 2], source: { dataset: 'ncci', notes: ['a'] } };
    expect(same(edit, { ...edit, lines: [1, 3] })).toBe(false);
    expect(same(edit, { code: 'PTP', lines: [1, 2] })).toBe(false);
    expect(same({ ...edit, fix: undefined }, edit)).toBe(false);
    expect(same({ 0: 'a', length: 1 }, ['a'])).toBe(false);
    expect(same([1, [2]], [1, [2, 3]])).toBe(false);
    expect(same({ a: null }, { a: undefined })).toBe(false);
  });
});
