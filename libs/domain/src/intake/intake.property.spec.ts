import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Claim } from '../claim/claim.schema';
import type { Result } from '../shared/result';
import { readFhir } from './fhir/from-fhir';
import type { FieldError } from './field-error';
import { normalizeClaim } from './normalize/normalize-claim';
import { readJsonBody } from './text/read-json-body';
import { parse837 } from './x12/parse-837';
import { write837 } from './x12/write-837';

/**
 * Issue 12: whatever is sent, each decoder returns claims or field errors, never throws, and
 * takes time linear in the input. The budget is per input and generous (100 ms plus 2 µs per
 * character); a quadratic pattern on a 40,000-character value blows it by far.
 */
const budgetMs = (length: number) => 100 + length / 500;
const fixture = (path: string) => readFileSync(join(__dirname, '__fixtures__', path), 'utf8');
const RUNS = Number(process.env.PROPERTY_RUNS ?? 150);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20261202;
const params = { numRuns: RUNS, seed };

function isOutcome(r: Result<Claim, FieldError[]>): boolean {
  if (r.ok) return typeof r.value.claimId === 'string' && r.value.lines.length > 0;
  return (
    r.error.length > 0 && r.error.every((e) => typeof e.code === 'string' && typeof e.path === 'string' && typeof e.message === 'string')
  );
}

function within<T>(length: number, run: () => T): T {
  const started = performance.now();
  const value = run();
  const took = performance.now() - started;
  if (took > budgetMs(length)) throw new Error(`took ${took.toFixed(0)} ms for ${length} characters (budget ${budgetMs(length)} ms)`);
  return value;
}

// ---- valid claims, generated from the canonical schema's value sets -------------------------------------------
const NPIS = ['1234567893', '1049726353', '1286340579', '1552081964'];
const validClaim = fc.record({
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
const textMutation = fc.oneof(
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
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateText(text: string, m: TextMutation): string {
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
const structureMutation = fc.record({
  pick: fc.nat(),
  action: fc.constantFrom('replace', 'unknown-key', 'delete'),
  key: fc.string({ maxLength: 12 }),
  value: WRONG,
});
type StructureMutation = typeof structureMutation extends fc.Arbitrary<infer T> ? T : never;

function mutateStructure(doc: unknown, m: StructureMutation): unknown {
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
  }
  else if (parent[last] && typeof parent[last] === 'object' && !Array.isArray(parent[last]))
    (parent[last] as Record<string, unknown>)[m.key] = m.value;
  return copy;
}

// ---- the three formats -------------------------------------------------------------------------------------
function decodeJsonText(text: string): Result<Claim, FieldError[]>[] {
  const body = readJsonBody(Buffer.from(text, 'utf8'));
  if (!body.ok) return [{ ok: false, error: [body.error] }];
  const list = Array.isArray(body.value) ? body.value : [body.value];
  return list.map((c, i) => normalizeClaim(c, { claimId: `c${i}` }));
}

function decodeFhirText(text: string): Result<Claim, FieldError[]>[] {
  const body = readJsonBody(Buffer.from(text, 'utf8'));
  if (!body.ok) return [{ ok: false, error: [body.error] }];
  return readFhir(body.value).map((r) => r.result);
}

async function decodeX12(chunks: (string | Uint8Array)[]): Promise<Result<Claim, FieldError[]>[]> {
  const out: Result<Claim, FieldError[]>[] = [];
  for await (const r of parse837(chunks)) out.push(r.result);
  return out;
}

const asX12 = (claim: object) => {
  const normalized = normalizeClaim(claim, { claimId: 'x' });
  if (!normalized.ok) throw new Error(`generator made an invalid claim: ${JSON.stringify(normalized.error)}`);
  return [...write837([normalized.value], { control: 1 })].join('');
};

describe('intake decoders under mutation (fast-check)', () => {
  it('accepts every generated valid claim in JSON and X12', async () => {
    await fc.assert(
      fc.asyncProperty(validClaim, async (claim) => {
        expect(normalizeClaim(claim, { claimId: 'c' }).ok).toBe(true);
        const x12 = await decodeX12([asX12(claim)]);
        expect(x12.map((r) => r.ok)).toEqual([true]);
      }),
      { ...params, numRuns: Math.min(RUNS, 100) },
    );
  });

  it('canonical JSON text: claims or field errors, in linear time', () => {
    fc.assert(
      fc.property(validClaim, fc.array(textMutation, { minLength: 1, maxLength: 3 }), (claim, mutations) => {
        const text = mutations.reduce(mutateText, JSON.stringify(claim));
        const results = within(text.length, () => decodeJsonText(text));
        expect(results.every(isOutcome)).toBe(true);
      }),
      params,
    );
  });

  it('canonical JSON structure: wrong types, unknown keys, nesting', () => {
    fc.assert(
      fc.property(validClaim, fc.array(structureMutation, { minLength: 1, maxLength: 3 }), (claim, mutations) => {
        const doc = mutations.reduce(mutateStructure, claim as unknown);
        const results = within(100_000, () => [normalizeClaim(doc, { claimId: 'c' })]);
        expect(results.every(isOutcome)).toBe(true);
      }),
      params,
    );
  });

  const fhirDocs = [fixture('fhir/lesi-pos22.claim.fhir.json'), fixture('fhir/claims.bundle.fhir.json')];

  it('FHIR text and structure: claims or field errors, in linear time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fhirDocs),
        fc.array(structureMutation, { maxLength: 3 }),
        fc.array(textMutation, { maxLength: 2 }),
        (doc, structural, textual) => {
          const mutated = structural.reduce(mutateStructure, JSON.parse(doc) as unknown);
          const text = textual.reduce(mutateText, JSON.stringify(mutated) ?? 'null');
          const results = within(text.length, () => decodeFhirText(text));
          expect(results.every(isOutcome)).toBe(true);
        },
      ),
      params,
    );
  });

  it('X12 837P text and bytes: claims or field errors, in linear time, whatever the chunking', async () => {
    await fc.assert(
      fc.asyncProperty(
        validClaim,
        fc.array(textMutation, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }),
        fc.integer({ min: 1, max: 4096 }),
        async (claim, mutations, byteFlips, chunkSize) => {
          const text = mutations.reduce(mutateText, asX12(claim));
          const bytes = Buffer.from(text, 'utf8');
          for (const [at, value] of byteFlips) bytes[Math.floor(at * (bytes.length - 1))] = value;
          const chunks: Uint8Array[] = [];
          for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
          const started = performance.now();
          const results = await decodeX12(chunks);
          // Each chunk costs a turn of the async iteration (about 10 µs) besides the characters it holds.
          expect(performance.now() - started).toBeLessThan(budgetMs(bytes.length) + chunks.length * 0.05);
          expect(results.every(isOutcome)).toBe(true);
        },
      ),
      params,
    );
  });
});
