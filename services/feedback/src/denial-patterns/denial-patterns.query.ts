import { z } from 'zod';
import { err, FEEDBACK_PAYER_TYPES, HCPCS_PATTERN, ok, US_STATES, type Result, type ViewFamily } from '@claimflow/domain';

const PatternCodeSchema = z.string().regex(HCPCS_PATTERN, 'expected a 5-character CPT/HCPCS code');

/**
 * Query string of GET /v1/codes/{code}/denial-patterns: at most one filter, from the fixed lattice
 * of published views. Month ranges and combined filters are refused: they are what differencing
 * attacks are made of.
 */
export const PatternFiltersSchema = z
  .strictObject({
    payerType: z.enum(FEEDBACK_PAYER_TYPES).optional(),
    state: z.enum(US_STATES).optional(),
    year: z
      .string()
      .regex(/^\d{4}$/, 'expected a calendar year, YYYY')
      .optional(),
  })
  .refine((f) => Object.values(f).filter((v) => v !== undefined).length <= 1, {
    message: 'one filter at a time: payerType, state or year',
    path: ['filters'],
  });

export type PatternFiltersQuery = z.infer<typeof PatternFiltersSchema>;

export interface QueryProblem {
  readonly path: string;
  readonly message: string;
}

const RANGE_KEYS = new Set(['from', 'to']);

const problems = (prefix: string, error: z.ZodError | undefined): QueryProblem[] =>
  (error?.issues ?? []).flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((k) => ({
          path: k,
          message: RANGE_KEYS.has(k) ? 'month ranges are not published; use year=YYYY' : 'not a filter (payerType, state, year)',
        }))
      : [{ path: [prefix, ...i.path].filter(Boolean).join('.'), message: i.message }],
  );

/** The published view a query names: "all", or its one filter. */
export function viewFilterOf(f: PatternFiltersQuery): { family: ViewFamily; value: string } | null {
  if (f.payerType) return { family: 'payerType', value: f.payerType };
  if (f.state) return { family: 'state', value: f.state };
  if (f.year) return { family: 'year', value: f.year };
  return null;
}

export function parsePatternQuery(code: string, query: unknown): Result<{ code: string; filters: PatternFiltersQuery }, QueryProblem[]> {
  const parsedCode = PatternCodeSchema.safeParse(code);
  const filters = PatternFiltersSchema.safeParse(query);
  if (parsedCode.success && filters.success) return ok({ code: parsedCode.data, filters: filters.data });
  return err([...problems('code', parsedCode.error), ...problems('', filters.error)]);
}
