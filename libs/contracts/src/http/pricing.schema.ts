import { z } from 'zod';
import type { FeeLookup, PricingError } from '@claimflow/domain';
import type { SameShape } from '../shape/same-shape';
import { problemWith } from './errors.schema';
import { AdjustmentSchema, CareSettingSchema, LineStatusSchema, PricingLocalitySchema } from '../messages/priced-claim.schema';
import { list } from '../messages/validation-result.schema';

const SettingAmountsSchema = z.object({ nonFacility: z.number().nullable(), facility: z.number().nullable() });

const FeeComponentSchema = z.object({
  modifier: z.enum(['', '26', 'TC']),
  label: z.enum(['global', 'professional (26)', 'technical (TC)']),
  status: z.string(),
  rvus: z.object({
    work: z.number(),
    nonFacilityPe: z.number(),
    facilityPe: z.number(),
    mp: z.number(),
    nonFacilityTotal: z.number(),
    facilityTotal: z.number(),
  }),
  participating: SettingAmountsSchema,
  limitingCharge: SettingAmountsSchema,
});

/** GET /v1/fee-schedule/{code}: RVUs, GPCIs, global/26/TC amounts in both settings, and the chosen line. */
export const FeeLookupSchema = z.object({
  code: z.string(),
  date: z.string(),
  conversionFactor: z.number(),
  locality: PricingLocalitySchema,
  gpci: z.object({ work: z.number(), pe: z.number(), mp: z.number() }),
  indicators: z.object({
    pctc: z.string(),
    globalDays: z.string(),
    multipleProcedure: z.string(),
    bilateral: z.string(),
    assistant: z.string(),
    coSurgeon: z.string(),
    team: z.string(),
    endoscopicBase: z.string(),
  }),
  components: list(FeeComponentSchema),
  chosen: z.object({
    modifier: z.string(),
    pos: z.string(),
    setting: CareSettingSchema,
    status: LineStatusSchema,
    reason: z.string().optional(),
    allowed: z.number(),
    medicarePayment: z.number(),
    coinsurance: z.number(),
    limitingCharge: z.number(),
    adjustments: list(AdjustmentSchema),
  }),
  releases: list(z.string()),
  notes: list(z.string()),
  excerpt: z.object({ requestedDate: z.string(), release: z.string(), period: z.string(), note: z.string() }).optional().meta({
    description:
      "the fee schedule in force on the asked date is a partial excerpt lacking the code: every figure is the nearest full year's, for reference",
  }),
});

/** 404 (unknown code) and 422 (no locality, no release in force) of the fee-schedule calculator. */
export const PricingErrorSchema = z.object({
  code: z.enum([
    'ZIP_UNMAPPED',
    'LOCALITY_UNKNOWN',
    'NO_LOCALITY',
    'NO_RELEASE_IN_FORCE',
    'CODE_UNKNOWN',
    'CODE_NOT_IN_EXCERPT',
    'BAD_REQUEST',
  ]),
  message: z.string(),
  dataset: z.string().optional(),
  date: z.string().optional(),
});

/** 404/422 of the fee look-up: a problem with the pricing error's code and, where known, the data set and date. */
export const PricingProblemSchema = problemWith({
  code: PricingErrorSchema.shape.code,
  dataset: PricingErrorSchema.shape.dataset,
  date: PricingErrorSchema.shape.date,
}).meta({ title: 'PricingProblem' });

const _lookup: SameShape<typeof FeeLookupSchema, FeeLookup> = true;
const _error: SameShape<typeof PricingErrorSchema, Omit<PricingError, 'dataset'> & { readonly dataset?: string }> = true;
void [_lookup, _error];
