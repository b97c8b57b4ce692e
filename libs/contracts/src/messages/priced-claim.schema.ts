import { z } from 'zod';
import type { Adjustment, LineBreakdown, PricedClaim, PricedLine, PricingLocality } from '@claimflow/domain';
import type { SameShape } from '../shape/same-shape';
import { list } from './validation-result.schema';

export const ADJUSTMENT_KINDS = [
  'bilateral',
  'multiple-procedure',
  'endoscopic-family',
  'assistant-at-surgery',
  'co-surgeon',
  'opps-cap',
  'actual-charge',
] as const;

export const AdjustmentSchema = z.object({
  kind: z.enum(ADJUSTMENT_KINDS),
  description: z.string(),
  factor: z.number(),
  amountBefore: z.number(),
  amountAfter: z.number(),
});

export const PricingLocalitySchema = z.object({
  carrier: z.string(),
  locality: z.string(),
  name: z.string(),
  source: z.enum(['claim', 'zip', 'national']),
});

export const BreakdownSchema = z.object({
  rvus: z.object({ work: z.number(), pe: z.number(), mp: z.number(), total: z.number() }),
  gpci: z.object({ work: z.number(), pe: z.number(), mp: z.number(), locality: PricingLocalitySchema }),
  conversionFactor: z.number(),
  unitPrice: z.number(),
  adjustments: list(AdjustmentSchema),
  releases: list(z.string()),
});

export const CareSettingSchema = z.enum(['facility', 'non-facility']);
export const LineStatusSchema = z.enum(['priced', 'denied', 'not-payable', 'no-price']);

export const PricedLineSchema = z.object({
  lineNumber: z.number().int(),
  code: z.string(),
  modifiers: list(z.string()),
  units: z.number().int(),
  dateOfService: z.string(),
  setting: CareSettingSchema,
  allowed: z.number(),
  medicarePayment: z.number(),
  coinsurance: z.number(),
  limitingCharge: z.number(),
  status: LineStatusSchema,
  reason: z.string().optional(),
  deniedBy: list(z.string()).optional(),
  breakdown: BreakdownSchema.optional(),
  reference: z
    .object({
      release: z.string(),
      period: z.string(),
      dateOfService: z.string(),
      allowed: z.number(),
      medicarePayment: z.number(),
      note: z.string(),
    })
    .optional()
    .meta({
      description:
        'a code the partial fee schedule of its year lacks (status no-price): the same code priced alone on the nearest complete fee schedule, for reference only, never in the totals',
    }),
});

const PricedClaimBody = z.object({
  claimId: z.string(),
  lines: list(PricedLineSchema),
  totals: z.object({ allowed: z.number(), medicarePayment: z.number(), coinsurance: z.number() }),
  notes: list(z.string()),
  releases: list(z.string()),
});

/** The wire form of the domain's PricedClaim, tagged so a failure to price is a value too. */
export const PricedClaimSchema = PricedClaimBody.extend({ kind: z.literal('priced') });

export const PricingFailureSchema = z.object({
  kind: z.literal('failed'),
  code: z.string(),
  message: z.string(),
});

const _adjustment: SameShape<typeof AdjustmentSchema, Adjustment> = true;
const _locality: SameShape<typeof PricingLocalitySchema, PricingLocality> = true;
const _breakdown: SameShape<typeof BreakdownSchema, LineBreakdown> = true;
const _line: SameShape<typeof PricedLineSchema, PricedLine> = true;
const _claim: SameShape<typeof PricedClaimBody, PricedClaim> = true;
void [_adjustment, _locality, _breakdown, _line, _claim];
