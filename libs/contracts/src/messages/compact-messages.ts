import { z } from 'zod';
import {
  ClaimSchema,
  EDIT_TEMPLATES,
  PricingClaimSchema,
  type EditFacts,
  type GpciBreakdown,
  type LineBreakdown,
  type PricedClaim,
  type PricedLine,
  type PricingLocality,
  type ValidationFindings,
} from '@claimflow/domain';
import type { SameShape } from '../shape/same-shape';
import { BreakdownSchema, PricedLineSchema, PricingFailureSchema, PricingLocalitySchema } from './priced-claim.schema';
import { EditSchema, list, NotCheckedSchema } from './validation-result.schema';

/** An edit named by its facts: all but its prose, which the domain writes from the template and its parameters. */
export const EditFactsSchema = z.object({
  code: EditSchema.shape.code,
  severity: EditSchema.shape.severity,
  lines: EditSchema.shape.lines,
  source: EditSchema.shape.source,
  fix: EditSchema.shape.fix.omit({ detail: true }),
  template: z.enum(EDIT_TEMPLATES).meta({ description: 'the template of the message and fix detail (renderEdit)' }),
  params: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), list(z.string())]))
    .meta({ description: "the values the template writes the prose from (codes, line numbers, dates, the reference data's values)" }),
});

/** Each edit once; the lines, outcome and corrected claim follow from them and the claim (completeValidation). */
export const ValidationFindingsSchema = z.object({
  // By its facts (template) when they give the edit back exactly, else whole (message).
  edits: list(z.union([EditFactsSchema, EditSchema])),
  // Alone (family left out when it is the dataset's), or a run of entries that differ only in their dataset, once.
  notChecked: list(
    z.union([
      NotCheckedSchema.partial({ family: true }),
      NotCheckedSchema.omit({ dataset: true, family: true }).extend({
        datasets: z
          .array(NotCheckedSchema.shape.dataset)
          .min(2)
          .readonly()
          .meta({ description: 'the datasets of consecutive entries that are the same but for their dataset, in order' }),
      }),
    ]),
  ),
  releases: list(z.string()),
});

/** What a priced line repeats of the claim's line at the same index; left out when it is the same. */
export const LINE_IDENTITY = ['lineNumber', 'code', 'modifiers', 'units', 'dateOfService'] as const;
type LineIdentity = (typeof LINE_IDENTITY)[number];

/**
 * A line's breakdown without what the priced claim states once: its locality when every line's is the same
 * (`pricing.locality`), its releases when every line's are the same (`pricing.lineReleases`, else the claim's
 * `pricing.releases`) or when they are the claim's.
 */
export type CompactBreakdown = Omit<LineBreakdown, 'gpci' | 'releases'> & {
  readonly gpci: Omit<GpciBreakdown, 'locality'> & { readonly locality?: PricingLocality };
  readonly releases?: readonly string[];
};
const CompactBreakdownSchema = BreakdownSchema.extend({
  gpci: BreakdownSchema.shape.gpci.partial({ locality: true }),
  releases: BreakdownSchema.shape.releases
    .optional()
    .meta({ description: "left out when stated once (lineReleases, else the claim's releases)" }),
});

/** A priced line by index into the claim's lines. */
export type CompactPricedLine = Omit<PricedLine, LineIdentity | 'breakdown'> &
  Partial<Pick<PricedLine, LineIdentity>> & { readonly breakdown?: CompactBreakdown };
export const CompactPricedLineSchema = PricedLineSchema.partial({
  lineNumber: true,
  code: true,
  modifiers: true,
  units: true,
  dateOfService: true,
}).extend({ breakdown: CompactBreakdownSchema.optional() });

/** A PricedClaim without what the claim beside it says (its id, each line's identity); the lines' locality and releases once. */
export type CompactPricedClaim = Omit<PricedClaim, 'claimId' | 'lines'> & {
  readonly lines: readonly CompactPricedLine[];
  readonly locality?: PricingLocality;
  readonly lineReleases?: readonly string[];
};
const CompactPricedClaimBody = z.object({
  lines: list(CompactPricedLineSchema),
  totals: z.object({ allowed: z.number(), medicarePayment: z.number(), coinsurance: z.number() }),
  notes: list(z.string()),
  releases: list(z.string()),
  locality: PricingLocalitySchema.optional().meta({ description: "every line's locality, when the same (left out of the lines)" }),
  lineReleases: list(z.string())
    .optional()
    .meta({ description: "every line's breakdown releases, when the same and not the claim's (left out of the lines)" }),
});
export const CompactPricedClaimSchema = CompactPricedClaimBody.extend({ kind: z.literal('priced') });

/** ClaimNormalized.v1 was already the claim alone: v2 is the same body under the new topic version. */
export const ClaimNormalizedV2 = z.object({
  type: z.literal('ClaimNormalized.v2'),
  claim: ClaimSchema,
});

/**
 * The claim as pricing reads it (PricingClaimSchema: no submitter's claim number, payer, diagnoses or line
 * documentation), with the findings. A message of an earlier build, with the whole claim, reads the same: the fields
 * pricing does not read are dropped as it is parsed.
 */
export const ClaimValidatedV2 = z.object({
  type: z.literal('ClaimValidated.v2'),
  claim: PricingClaimSchema,
  validation: ValidationFindingsSchema,
});

/**
 * ClaimValidated.v2 as ingest reads it: of the claim only its id, all ingest uses of it (it stores the findings
 * under the claim's id; its ledger row holds the claim). The rest of the claim is neither checked nor dropped (a loose
 * object), so that the message passes its compiled check as it is. The wire schema stays ClaimValidatedV2: pricing
 * checks the claim it prices (as it reads it).
 */
export const ClaimValidatedV2ById = ClaimValidatedV2.extend({ claim: z.looseObject({ claimId: PricingClaimSchema.shape.claimId }) });

/**
 * The claim by its id only: its one consumer, ingest, completes the stored result from the claim in its own ledger
 * row. The validation's findings pass through as read.
 */
export const ClaimPricedV2 = z.object({
  type: z.literal('ClaimPriced.v2'),
  claimId: ClaimSchema.shape.claimId,
  validation: ValidationFindingsSchema,
  // By its kind, so a broken line is named by its path (and only one branch is tried).
  pricing: z.discriminatedUnion('kind', [CompactPricedClaimSchema, PricingFailureSchema]),
});

export type ClaimNormalizedV2 = z.infer<typeof ClaimNormalizedV2>;
export type ClaimValidatedV2 = z.infer<typeof ClaimValidatedV2>;
export type ClaimValidatedV2ById = z.infer<typeof ClaimValidatedV2ById>;
export type ClaimPricedV2 = z.infer<typeof ClaimPricedV2>;

const _facts: SameShape<typeof EditFactsSchema, EditFacts> = true;
const _findings: SameShape<typeof ValidationFindingsSchema, ValidationFindings> = true;
const _line: SameShape<typeof CompactPricedLineSchema, CompactPricedLine> = true;
const _breakdown: SameShape<typeof CompactBreakdownSchema, CompactBreakdown> = true;
const _claim: SameShape<typeof CompactPricedClaimBody, CompactPricedClaim> = true;
void [_facts, _findings, _breakdown, _line, _claim];
