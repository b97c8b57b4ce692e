import { z } from 'zod';
import { CLAIMFLOW_EDIT_CODES } from '@claimflow/domain';
import { DatasetSchema, list } from '../messages/validation-result.schema';

/** A reference-data answer naming its release, or why no release could answer. */
const sourced = <T extends z.ZodType>(value: T) =>
  z.union([
    z.object({ release: z.string(), partial: z.boolean(), notes: list(z.string()), value }),
    z.object({ release: z.null(), unavailable: z.string() }),
  ]);

const IndicatorSchema = z.object({ value: z.string(), meaning: z.string() });

const PtpPairSchema = z.object({
  column1: z.string(),
  column2: z.string(),
  effective: z.number().int().nullable(),
  deletion: z.number().int().nullable(),
  modifierIndicator: z.enum(['0', '1', '9']),
  rationale: z.string(),
  bypassable: z.boolean(),
});

const MueSchema = sourced(
  z
    .object({ code: z.string(), value: z.number(), mai: z.union([z.literal(1), z.literal(2), z.literal(3)]), rationale: z.string() })
    .nullable(),
);

const FieldValueSchema = z.union([z.string(), z.number(), z.boolean()]).nullable();

/** One dataset's changes between two releases, for one code. */
const DatasetDiffSchema = z.object({
  dataset: DatasetSchema,
  from: z.string(),
  to: z.string(),
  changes: list(
    z.object({
      kind: z.enum(['added', 'removed', 'changed']),
      key: z.string(),
      fields: list(z.object({ field: z.string(), from: FieldValueSchema, to: FieldValueSchema })),
    }),
  ),
  notes: list(z.string()),
});

/** GET /api/codes/{code}?date= of the web front end: everything the code page shows except the money. */
export const CodeViewSchema = z.object({
  code: z.string(),
  date: z.string(),
  summary: z.string().nullable(),
  feeScheduleRelease: z.string().nullable(),
  status: IndicatorSchema.extend({ payable: z.boolean() }).nullable(),
  globalDays: IndicatorSchema.nullable(),
  pctc: IndicatorSchema.nullable(),
  addon: sourced(
    z.object({ addon: z.string(), type: z.union([z.literal(1), z.literal(2), z.literal(3)]), primaries: list(z.string()) }).nullable(),
  ),
  mue: z.object({ practitioner: MueSchema, hospital: MueSchema, dme: MueSchema }),
  ptp: sourced(z.object({ asColumn1: list(PtpPairSchema), asColumn2: list(PtpPairSchema) })),
  guidance: list(z.object({ edit: z.enum(CLAIMFLOW_EDIT_CODES), title: z.string(), text: z.string() })),
  changes: z.object({ datasets: list(DatasetDiffSchema) }),
});

/** GET /api/localities?date=: the Medicare payment localities of the fee schedule in force. */
export const LocalityOptionsSchema = list(z.object({ id: z.string(), state: z.string(), name: z.string() }));

const DateRangeSchema = z.object({ from: z.string(), to: z.string().nullable() });

/** GET /api/refdata/status of the web front end: dataset coverage, its gaps, and what a claim dated today gets. */
export const RefDataStatusSchema = z.object({
  today: z.string(),
  line: z.string(),
  coverage: list(
    z.object({
      dataset: DatasetSchema,
      covered: list(DateRangeSchema),
      gaps: list(DateRangeSchema),
      today: z.object({ strict: z.string().nullable(), latest: z.string() }),
    }),
  ),
});

export type RefDataStatus = z.output<typeof RefDataStatusSchema>;
