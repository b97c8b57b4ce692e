import { z } from 'zod';
import { err, FEEDBACK_PAYER_TYPES, HCPCS_PATTERN, MONTH_PATTERN, ok, US_STATES, type Result } from '@claimflow/domain';

const PatternCodeSchema = z.string().regex(HCPCS_PATTERN, 'expected a 5-character CPT/HCPCS code');

/** Query string of GET /v1/codes/{code}/denial-patterns; any other parameter is refused. */
export const PatternFiltersSchema = z
  .strictObject({
    payerType: z.enum(FEEDBACK_PAYER_TYPES).optional(),
    state: z.enum(US_STATES).optional(),
    from: z.string().regex(MONTH_PATTERN, 'expected a month as YYYY-MM').optional(),
    to: z.string().regex(MONTH_PATTERN, 'expected a month as YYYY-MM').optional(),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['from'] });

export type PatternFiltersQuery = z.infer<typeof PatternFiltersSchema>;

export interface QueryProblem {
  readonly path: string;
  readonly message: string;
}

const problems = (prefix: string, error: z.ZodError | undefined): QueryProblem[] =>
  (error?.issues ?? []).flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({ path: k, message: 'not a filter (payerType, state, from, to)' }))
      : [{ path: [prefix, ...i.path].filter(Boolean).join('.'), message: i.message }],
  );

export function parsePatternQuery(code: string, query: unknown): Result<{ code: string; filters: PatternFiltersQuery }, QueryProblem[]> {
  const parsedCode = PatternCodeSchema.safeParse(code);
  const filters = PatternFiltersSchema.safeParse(query);
  if (parsedCode.success && filters.success) return ok({ code: parsedCode.data, filters: filters.data });
  return err([...problems('code', parsedCode.error), ...problems('', filters.error)]);
}
