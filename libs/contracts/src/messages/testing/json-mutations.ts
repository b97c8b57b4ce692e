import fc from 'fast-check';
import type { Json } from './pipeline-messages.fixture';

/** Every place in a JSON value: the path to it, the root first. */
function places(value: Json, at: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [at];
  const inner = Array.isArray(value)
    ? value.map((v, i) => places(v, [...at, i]))
    : Object.entries(value).map(([k, v]) => places(v, [...at, k]));
  return [at, ...inner.flat()];
}

// Near misses of what the schemas bound: empty, one over a length, astral characters (two UTF-16 units each, one
// code point), a key the schema does not name, integers at and past the safe range, fractions, negatives, nulls.
const NEAR_MISSES: Json[] = [
  '',
  'x'.repeat(65),
  '\u{1F600}'.repeat(20),
  'ab',
  '2025-3-10',
  0,
  -1,
  1.5,
  2 ** 53,
  2 ** 53 - 1,
  null,
  true,
  [],
  {},
];
export const mutation = fc.record({
  place: fc.nat(),
  how: fc.constantFrom('delete', 'replace', 'near-miss', 'unknown-key', 'duplicate'),
  value: fc.oneof(fc.jsonValue() as fc.Arbitrary<Json>, fc.constantFrom(...NEAR_MISSES)),
});

export function mutate(seed: Json, mutations: { place: number; how: string; value: Json }[]): Json {
  let root = structuredClone(seed);
  for (const { place, how, value } of mutations) {
    const all = places(root);
    const path = all[place % all.length];
    if (path.length === 0) {
      root = how === 'unknown-key' && root && typeof root === 'object' && !Array.isArray(root) ? { ...root, extra: value } : value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<Json>((node, key) => (node as Record<string, Json>)[key], root) as Record<
      string | number,
      Json
    >;
    const key = path[path.length - 1];
    const target = parent[key];
    if (how === 'delete' && Array.isArray(parent)) parent.splice(key as number, 1);
    else if (how === 'delete') delete parent[key];
    else if (how === 'unknown-key' && target && typeof target === 'object' && !Array.isArray(target)) target['extra'] = value;
    else if (how === 'duplicate' && Array.isArray(parent)) parent.push(structuredClone(target));
    else parent[key] = how === 'near-miss' ? NEAR_MISSES[place % NEAR_MISSES.length] : value;
  }
  return root;
}
