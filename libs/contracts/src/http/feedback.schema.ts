import { z } from 'zod';
import type { DenialPatternsAnswer } from '@claimflow/domain';
import type { SameShape } from '../shape/same-shape';
import { list } from '../messages/validation-result.schema';

/** 201 of POST /v1/denial-reports; `replayed` answers a retry under the same Idempotency-Key. */
export const DenialReportCreatedSchema = z.object({ id: z.string(), status: z.literal('stored'), replayed: z.boolean() });

export type DenialReportCreated = z.output<typeof DenialReportCreatedSchema>;

const PatternFiltersSchema = z.object({
  payerType: z.string().optional(),
  state: z.string().optional(),
  year: z.string().optional(),
});

const ItemSchema = z.object({ value: z.string(), reports: z.number().int(), share: z.number() });

const DimensionSchema = z.object({ items: list(ItemSchema), suppressed: z.boolean() });

const AnswerBase = {
  code: z.string(),
  threshold: z.number().int(),
  filters: PatternFiltersSchema,
  guarantee: z.string(),
  publishedAsOf: z.string().nullable(),
};

const InsufficientSchema = z.object({ status: z.literal('insufficient'), ...AnswerBase, message: z.string() });

const PatternsSchema = z.object({
  status: z.literal('ok'),
  ...AnswerBase,
  rounding: z.number().int(),
  reports: z.number().int(),
  denialReasons: z.object({ carc: DimensionSchema, rarc: DimensionSchema }),
  payerTypes: DimensionSchema,
  appeals: z.object({
    filed: ItemSchema.nullable(),
    notFiled: ItemSchema.nullable(),
    appealRate: z.number().nullable(),
    outcomes: DimensionSchema.nullable(),
    overturnRate: z.number().nullable(),
  }),
  strategies: list(z.string()),
  coBilledCodes: DimensionSchema,
  claimflowEdits: DimensionSchema,
});

/** GET /v1/codes/{code}/denial-patterns: one published view; every count shown is at least the threshold. */
export const DenialPatternsAnswerSchema = z.discriminatedUnion('status', [InsufficientSchema, PatternsSchema]);

/** GET /v1/denial-patterns/publication: when patterns were last published, how often, and the guarantee they keep. */
export const PatternPublicationSchema = z.object({
  publishedAsOf: z.string().nullable(),
  intervalSeconds: z.number(),
  threshold: z.number().int(),
  rounding: z.number().int(),
  guarantee: z.string(),
});

export type PatternPublication = z.output<typeof PatternPublicationSchema>;

const _answer: SameShape<typeof DenialPatternsAnswerSchema, DenialPatternsAnswer> = true;
void _answer;
