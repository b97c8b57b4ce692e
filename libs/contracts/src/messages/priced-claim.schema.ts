import { z } from 'zod';

const Adjustment = z.object({
  kind: z.enum(['bilateral', 'multiple-procedure', 'endoscopic-family', 'assistant-at-surgery', 'co-surgeon', 'opps-cap', 'actual-charge']),
  description: z.string(),
  factor: z.number(),
  amountBefore: z.number(),
  amountAfter: z.number(),
});

const Breakdown = z.object({
  rvus: z.object({ work: z.number(), pe: z.number(), mp: z.number(), total: z.number() }),
  gpci: z.object({
    work: z.number(),
    pe: z.number(),
    mp: z.number(),
    locality: z.object({ carrier: z.string(), locality: z.string(), name: z.string(), source: z.enum(['claim', 'zip', 'national']) }),
  }),
  conversionFactor: z.number(),
  unitPrice: z.number(),
  adjustments: z.array(Adjustment),
  releases: z.array(z.string()),
});

const PricedLine = z.object({
  lineNumber: z.number().int(),
  code: z.string(),
  modifiers: z.array(z.string()),
  units: z.number().int(),
  dateOfService: z.string(),
  setting: z.enum(['facility', 'non-facility']),
  allowed: z.number(),
  medicarePayment: z.number(),
  coinsurance: z.number(),
  limitingCharge: z.number(),
  status: z.enum(['priced', 'denied', 'not-payable', 'no-price']),
  reason: z.string().optional(),
  deniedBy: z.array(z.string()).optional(),
  breakdown: Breakdown.optional(),
});

/** The wire form of the domain's PricedClaim, tagged so a failure to price is a value too. */
export const PricedClaimSchema = z.object({
  kind: z.literal('priced'),
  claimId: z.string(),
  lines: z.array(PricedLine),
  totals: z.object({ allowed: z.number(), medicarePayment: z.number(), coinsurance: z.number() }),
  notes: z.array(z.string()),
  releases: z.array(z.string()),
});

export const PricingFailureSchema = z.object({
  kind: z.literal('failed'),
  code: z.string(),
  message: z.string(),
});
