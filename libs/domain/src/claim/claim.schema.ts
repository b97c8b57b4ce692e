import { z } from 'zod';

/**
 * The canonical claim: what every intake format (JSON, X12 837P, FHIR R4) is normalized into,
 * and the payload of ClaimNormalized.v1. Form checks only; code validity against reference data
 * is the validator's job.
 */
export const HCPCS_PATTERN = /^([0-9]{4}[0-9AFMTU]|[A-V][0-9]{4})$/;
export const MODIFIER_PATTERN = /^[0-9A-Z]{2}$/;
export const POS_PATTERN = /^[0-9]{2}$/;
// ICD-10-CM uses U for special-purpose codes (U07.1 COVID-19, U09.9 post COVID-19 condition).
export const ICD10_PATTERN = /^[A-Z][0-9][0-9A-Z](?:[0-9A-Z]{1,4})?$/;
export const NPI_PATTERN = /^[0-9]{10}$/;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const LineDocumentationSchema = z.object({
  signedReport: z.boolean().optional(),
  fluoroscopyMinutes: z.number().nonnegative().optional(),
  imagesSaved: z.boolean().optional(),
});

export const ClaimLineSchema = z.object({
  lineNumber: z.number().int().positive(),
  code: z.string().regex(HCPCS_PATTERN, 'expected a 5-character CPT/HCPCS code'),
  modifiers: z.array(z.string().regex(MODIFIER_PATTERN)).max(4),
  units: z.number().int().positive(),
  charge: z.number().nonnegative().optional(),
  dateOfService: isoDate,
  placeOfService: z.string().regex(POS_PATTERN).optional(),
  diagnosisPointers: z.array(z.number().int().min(1).max(12)).max(4).default([]),
  renderingProviderNpi: z.string().regex(NPI_PATTERN).optional(),
  documentation: LineDocumentationSchema.optional(),
});

export const PayerTypeSchema = z.enum(['medicare-part-b', 'medicare-advantage', 'medicaid', 'commercial', 'other']);

export const ClaimSchema = z.object({
  claimId: z.string().min(1).max(64),
  submitterClaimId: z.string().min(1).max(38),
  submitterId: z.string().max(80).optional(),
  /** professional = CMS-1500/837P (practitioner NCCI tables); institutional = outpatient hospital tables. */
  claimType: z.enum(['professional', 'institutional']).default('professional'),
  frequencyCode: z.enum(['1', '7', '8']).default('1'),
  placeOfService: z.string().regex(POS_PATTERN),
  payer: z.object({ type: PayerTypeSchema, id: z.string().max(80).optional() }).default({ type: 'medicare-part-b' }),
  billingProvider: z.object({
    npi: z.string().regex(NPI_PATTERN),
    zip: z
      .string()
      .regex(/^\d{5}(\d{4})?$/)
      .optional(),
  }),
  renderingProviderNpi: z.string().regex(NPI_PATTERN).optional(),
  serviceFacility: z
    .object({
      npi: z.string().regex(NPI_PATTERN).optional(),
      zip: z
        .string()
        .regex(/^\d{5}(\d{4})?$/)
        .optional(),
    })
    .optional(),
  /** Medicare carrier (MAC) number and pricing locality, when the submitter knows them. */
  locality: z.object({ carrier: z.string().regex(/^\d{5}$/), locality: z.string().regex(/^\d{2}$/) }).optional(),
  diagnoses: z.array(z.string().regex(ICD10_PATTERN)).max(12).default([]),
  lines: z.array(ClaimLineSchema).min(1).max(50),
});

export type Claim = z.infer<typeof ClaimSchema>;
export type ClaimInput = z.input<typeof ClaimSchema>;
export type ClaimLine = z.infer<typeof ClaimLineSchema>;
export type PayerType = z.infer<typeof PayerTypeSchema>;
