import { z } from 'zod';
import { HCPCS_PATTERN, MODIFIER_PATTERN } from '../claim/claim.schema';
import {
  APPEAL_OUTCOMES,
  CARC_PATTERN,
  CLAIMFLOW_EDIT_CODES,
  MAC_JURISDICTIONS,
  POS_CODES,
  RARC_PATTERN,
  US_STATES,
  isKnownCarc,
} from './report-vocabulary';

export const FREE_TEXT_MAX = 2000;
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

const code = z.string().regex(HCPCS_PATTERN, 'expected a 5-character CPT/HCPCS code');

const BilledCodeSchema = z.strictObject({
  code,
  modifiers: z.array(z.string().regex(MODIFIER_PATTERN, 'expected a 2-character modifier')).max(4).default([]),
  units: z.number().int().min(1).max(999),
});

const PayerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('medicare-part-b'), macJurisdiction: z.enum(MAC_JURISDICTIONS) }),
  z.strictObject({ type: z.literal('medicare-advantage') }),
  z.strictObject({ type: z.literal('medicaid') }),
  z.strictObject({ type: z.literal('commercial') }),
]);

const AppealSchema = z.discriminatedUnion('filed', [
  z.strictObject({ filed: z.literal(false) }),
  z.strictObject({
    filed: z.literal(true),
    /** Medicare levels: 1 redetermination, 2 reconsideration, 3 ALJ, 4 Appeals Council, 5 federal court. */
    level: z.number().int().min(1).max(5),
    outcome: z.enum(APPEAL_OUTCOMES),
  }),
]);

const freeText = z.string().trim().max(FREE_TEXT_MAX);

/**
 * An anonymous denial report. Strict objects: a field we do not know is refused, never stored,
 * so a client cannot slip a name or identifier in under a key of its own.
 */
export const DenialReportSchema = z.strictObject({
  billedCodes: z.array(BilledCodeSchema).min(1).max(50),
  deniedCode: code,
  placeOfService: z.string().refine((v) => POS_CODES.has(v), 'not an assigned CMS place-of-service code'),
  payer: PayerSchema,
  state: z.enum(US_STATES),
  denialMonth: z.string().regex(MONTH_PATTERN, 'expected a month as YYYY-MM (never a day)'),
  denialReasons: z.strictObject({
    carc: z
      .array(
        z
          .string()
          .regex(CARC_PATTERN, { message: 'expected a group and reason code such as CO-97', abort: true })
          .refine(isKnownCarc, 'unknown reason code'),
      )
      .min(1)
      .max(10),
    rarc: z.array(z.string().regex(RARC_PATTERN, 'expected a remark code such as N130 or MA130')).max(10).default([]),
  }),
  whatHappened: freeText.optional(),
  appeal: AppealSchema,
  whatWorked: freeText.optional(),
  claimflowEdits: z.array(z.enum(CLAIMFLOW_EDIT_CODES)).max(20).default([]),
});

export type DenialReport = z.infer<typeof DenialReportSchema>;
export type DenialReportInput = z.input<typeof DenialReportSchema>;

/** Fields holding free text: the only places personal data can hide once the schema has passed. */
export const FREE_TEXT_FIELDS = ['whatHappened', 'whatWorked'] as const;
