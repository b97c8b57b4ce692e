import fc from 'fast-check';
import { z } from 'zod';
import { ClaimDeadLetteredV1 } from './claim-messages';
import { ClaimNormalizedV2, ClaimPricedV2, ClaimValidatedV2, ClaimValidatedV2ById } from './compact-messages';
import { compiledCheck } from './compiled-check';
import { DenialReportSubmittedV1 } from './denial-report-messages';
import { EnvelopeSchema } from '../envelope/envelope';
import { mutate, mutation } from './testing/json-mutations';
import { PIPELINE_MESSAGE_SEEDS as SEEDS } from './testing/pipeline-messages.fixture';

describe('compiledCheck: the pipeline messages checked as zod parses them', () => {
  it.each(SEEDS)('%s passes as it is, defaults written in, equal to what zod parses', (_, schema, seed) => {
    const value = structuredClone(seed);
    expect(schema.safeParse(structuredClone(seed)).error).toBeUndefined();
    expect(compiledCheck(schema)?.(value)).toBe(true);
    expect(value).toEqual(schema.parse(structuredClone(seed)));
  });

  it.each(SEEDS)(
    '%s, mutated: what the check passes zod parses to the same value; what zod keeps whole, the check passes',
    (_, schema, seed) => {
      const check = compiledCheck(schema)!;
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
          const message = mutate(seed, mutations);
          const checked = structuredClone(message);
          const passes = check(checked);
          const parsed = schema.safeParse(structuredClone(message));
          if (passes) {
            expect(parsed.success).toBe(true);
            expect(checked).toEqual(parsed.data);
          }
          // A message zod parses to itself, unknown keys none and defaults none missing, never goes the slow way.
          if (parsed.success && JSON.stringify(parsed.data) === JSON.stringify(message)) expect(passes).toBe(true);
        }),
        { numRuns: 400, seed: 20261207 },
      );
    },
  );

  it('leaves to zod a schema its JSON Schema would loosen: refinements, transforms, formats, flags, enum-keyed records', () => {
    for (const schema of [
      DenialReportSubmittedV1,
      z.object({ a: z.string().refine((s) => s !== 'x') }),
      z.object({ a: z.string().trim() }),
      z.object({ a: z.string().transform(Number) }),
      z.object({ a: z.uuid() }),
      z.object({ a: z.email() }),
      z.object({ a: z.url() }),
      z.object({ a: z.number().multipleOf(0.01) }),
      z.object({ a: z.string().regex(/^a$/i) }),
      z.object({ a: z.record(z.enum(['x', 'y']), z.number()) }),
      z.object({ a: z.lazy(() => z.string()) }),
    ])
      expect(compiledCheck(schema)).toBeUndefined();
    for (const schema of [ClaimNormalizedV2, ClaimValidatedV2, ClaimValidatedV2ById, ClaimPricedV2, ClaimDeadLetteredV1, EnvelopeSchema])
      expect(compiledCheck(schema)).toBeInstanceOf(Function);
  });

  it('counts a string in code points and matches patterns as JavaScript does, as zod 4', () => {
    const schema = z.object({ id: z.string().max(3), code: z.string().regex(/^.$/) });
    const check = compiledCheck(schema)!;
    const both = (value: { id: string; code: string }) => [check(structuredClone(value)), schema.safeParse(value).success];
    // Three astral characters: three code points (six UTF-16 units); four are one too many.
    expect(both({ id: '\u{1F600}'.repeat(3), code: 'a' })).toEqual([true, true]);
    expect(both({ id: '\u{1F600}'.repeat(4), code: 'a' })).toEqual([false, false]);
    // A lone surrogate counts as one.
    expect(both({ id: '\uD83D\uD83Dx', code: 'a' })).toEqual([true, true]);
    // An astral character is two units: `.` without the u flag does not match it whole.
    expect(both({ id: 'a', code: '\u{1F600}' })).toEqual([false, false]);
    expect(both({ id: 'abc', code: 'a' })).toEqual([true, true]);
  });

  it("checks zod's ISO dates and times by their patterns, as zod does", () => {
    const schema = z.object({ at: z.string().datetime({ offset: true }), day: z.iso.date() });
    const check = compiledCheck(schema)!;
    for (const value of [
      { at: '2026-12-07T10:00:00Z', day: '2024-02-29' },
      { at: '2026-12-07T10:00:00.5+05:30', day: '2026-12-07' },
      { at: '2026-02-30T10:00:00Z', day: '2026-12-07' },
      { at: '2026-12-07T10:00:00', day: '2026-12-07' },
      { at: '2026-12-07 10:00:00Z', day: '2026-12-07' },
      { at: '2026-12-07T10:00:00Z', day: '2023-02-29' },
      { at: '2026-12-07T24:00:00Z', day: '2026-13-01' },
    ])
      expect([value, check(structuredClone(value))]).toEqual([value, schema.safeParse(value).success]);
  });
});
