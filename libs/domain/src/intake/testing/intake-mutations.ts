import fc from 'fast-check';
import { normalizeClaim } from '../normalize/normalize-claim';
import { write837 } from '../../x12/write-837';

/**
 * Generators for intake robustness tests (fast-check): valid canonical claims drawn from the
 * schema's value sets, and the mutations a careless or hostile sender makes to them. Shared by
 * the domain property tests and ingest's HTTP fuzz test.
 */
// ---- valid claims, generated from the canonical schema's value sets -------------------------------------------
const NPIS = ['1234567893', '1049726353', '1286340579', '1552081964'];
export const validClaim = fc.record({
  submitterClaimId: fc.stringMatching(/^[A-Z0-9-]{1,38}$/),
  frequencyCode: fc.constantFrom('1', '7', '8'),
  placeOfService: fc.constantFrom('11', '22', '24'),
  payer: fc.record({ type: fc.constantFrom('medicare-part-b', 'medicare-advantage', 'commercial'), id: fc.constantFrom('13202', '01112') }),
  billingProvider: fc.record({ npi: fc.constantFrom(...NPIS), zip: fc.constantFrom('10016', '94110', '100160001') }),
  renderingProviderNpi: fc.constantFrom(...NPIS),
  diagnoses: fc.uniqueArray(fc.constantFrom('M5416', 'M48061', 'R109', 'S72001A', 'U071'), { minLength: 1, maxLength: 4 }),
  lines: fc.array(
    fc.record({
      code: fc.constantFrom('62323', '77003', '99213', '76000', 'G0008', '0042T'),
      modifiers: fc.uniqueArray(fc.constantFrom('26', 'TC', '59', 'LT', 'RT'), { maxLength: 2 }),
      units: fc.integer({ min: 1, max: 20 }),
      charge: fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
      dateOfService: fc
        .date({ min: new Date('2025-01-01'), max: new Date('2025-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      diagnosisPointers: fc.constant([1]),
    }),
    { minLength: 1, maxLength: 5 },
  ),
});

// ---- mutations ---------------------------------------------------------------------------------------------
const NASTY = ['\u0000', '~', '*', ':', '^', '\n', '"', '\\', '{', '[', '\uFFFD', '\uD800', 'é', '𝄞', '\u202E', ' '];
export const textMutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), char: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('swap' as const), from: fc.constantFrom('*', '~', ':', '"', ','), to: fc.constantFrom(...NASTY) }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    unit: fc.constantFrom('1', ' ', 'a', 'ZZZ*1~', '9.', '{"a":', '[', 'claim ', 'SV1*HC:77003*1*UN*1~'),
    times: fc.integer({ min: 1000, max: 40_000 }),
  }),
  fc.record({
    kind: fc.constant('unicode' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.string({ unit: 'grapheme', maxLength: 20 }),
  }),
);
export type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

export function mutateText(text: string, m: TextMutation): string {
  const at = 'at' in m ? Math.floor(m.at * text.length) : 0;
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'flip':
      return text.slice(0, at) + m.char + text.slice(at + 1);
    case 'swap':
      return text.split(m.from).join(m.to);
    case 'repeat':
      return text.slice(0, at) + m.unit.repeat(m.times) + text.slice(at);
    case 'unicode':
      return text.slice(0, at) + m.text + text.slice(at);
  }
}

/** Every path to a value inside a JSON document (iteratively, the first 500). */
function paths(doc: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: [unknown, (string | number)[]][] = [[doc, []]];
  while (stack.length && out.length < 500) {
    const [v, p] = stack.pop() as [unknown, (string | number)[]];
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...p, i]]));
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => stack.push([x, [...p, k]]));
  }
  return out;
}

const WRONG = fc.oneof(
  fc.constantFrom(null, true, 0, -1, 1e308, '', ' ', [], {}, [[[[[]]]]], 'x'.repeat(50_000), `${'1'.repeat(40_000)}a`, '\u0000'),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 5 }),
  fc.integer({ min: 100, max: 1500 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown),
);
export const structureMutation = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom('replace', 'unknown-key', 'delete'),
  key: fc.string({ maxLength: 12 }),
  value: WRONG,
});
export type StructureMutation = typeof structureMutation extends fc.Arbitrary<infer T> ? T : never;

export function mutateStructure(doc: unknown, m: StructureMutation): unknown {
  const copy = structuredClone(doc);
  const all = paths(copy);
  const path = all[m.pick % all.length];
  if (path.length === 0) return m.action === 'replace' ? m.value : copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (m.action === 'replace') parent[last] = m.value;
  else if (m.action === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last]))
    (parent[last] as Record<string, unknown>)[m.key] = m.value;
  return copy;
}

/** A valid generated claim as an 837P interchange. */
export const asX12 = (claim: object): string => {
  const normalized = normalizeClaim(claim, { claimId: 'x' });
  if (!normalized.ok) throw new Error(`generator made an invalid claim: ${JSON.stringify(normalized.error)}`);
  return [...write837([normalized.value], { control: 1 })].join('');
};
