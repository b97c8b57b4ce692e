import { z } from 'zod';
import {
  CLAIMFLOW_EDIT_CODES,
  ClaimSchema,
  type Dataset,
  type Edit,
  type LineResult,
  type NotChecked,
  type ValidationResult,
} from '@claimflow/domain';
import type { SameShape } from '../shape/same-shape';

const DATASETS = [
  'mpfs-rvu',
  'mpfs-gpci',
  'mpfs-locco',
  'mpfs-anes',
  'mpfs-oppscap',
  'mpfs-zip5',
  'ncci-ptp-practitioner',
  'ncci-ptp-hospital',
  'ncci-mue-practitioner',
  'ncci-mue-hospital',
  'ncci-mue-dme',
  'ncci-addon',
] as const satisfies readonly Dataset[];

/** The reference-data datasets (the SameShape checks fail when the domain's list changes). */
export const DatasetSchema = z.enum(DATASETS);

/** Arrays on the wire are readonly, as in the domain types, so results pass through without copies or casts. */
export const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();

export const FIX_ACTIONS = ['remove-line', 'add-modifier', 'remove-modifier', 'replace-code', 'reduce-units', 'none'] as const;

export const EditSchema = z.object({
  code: z.enum(CLAIMFLOW_EDIT_CODES),
  severity: z.enum(['deny', 'warn', 'info']),
  lines: list(z.number().int()),
  message: z.string(),
  source: z.object({
    dataset: z.enum([...DATASETS, 'cpt-guidance', 'cms-policy']),
    release: z.string(),
    effective: z.string().nullable().optional(),
    deletion: z.string().nullable().optional(),
    modifierIndicator: z.string().optional(),
    adjudicationIndicator: z.number().optional(),
    rationale: z.string().optional(),
    notes: list(z.string()).optional(),
  }),
  fix: z.object({
    action: z.enum(FIX_ACTIONS),
    detail: z.string(),
    automatic: z.boolean(),
    modifier: z.string().optional(),
    replacementCode: z.string().optional(),
    units: z.number().optional(),
  }),
});

/** clean: fully checked, nothing denied; denied; incomplete: nothing denied, but some edit family not checked. */
export const OutcomeSchema = z.enum(['clean', 'denied', 'incomplete']).meta({
  description:
    'clean: every edit family checked against the release in force and nothing denied; denied: a deny edit; ' +
    'incomplete: nothing denied, but some edit family could not be checked against the release in force (see notChecked)',
});

export const NotCheckedSchema = z.object({
  dataset: DatasetSchema,
  family: z.string().meta({ description: 'what the family checks, in words' }),
  reason: z.enum(['no-release', 'stand-in', 'partial']).meta({
    description: 'no-release: not applied; stand-in: applied from another release; partial: the release in force is an excerpt',
  }),
  release: z.string().optional(),
  lines: list(z.number().int()),
  from: z.string(),
  to: z.string(),
  validFrom: z.string().optional().meta({ description: 'stand-in: the first date the release used is valid' }),
  validTo: z.string().nullable().optional().meta({ description: 'stand-in: the last date the release used is valid (null: open)' }),
  notes: list(z.string()).optional().meta({ description: 'stand-in, partial: the caveats the release used carries' }),
  loaded: list(z.string())
    .optional()
    .meta({ description: 'no-release: the releases of the dataset loaded, none in force on these dates (empty: none at all)' }),
});

export const LineResultSchema = z.object({
  lineNumber: z.number().int(),
  code: z.string(),
  modifiers: list(z.string()),
  units: z.number(),
  denied: z.boolean(),
  outcome: OutcomeSchema,
  notChecked: list(DatasetSchema),
  edits: list(EditSchema),
});

/** The wire form of the domain's ValidationResult: ClaimValidated.v1, ClaimPriced.v1 and POST /v1/validate. */
export const ValidationResultSchema = z.object({
  claimId: z.string(),
  edits: list(EditSchema),
  lines: list(LineResultSchema),
  correctedClaim: ClaimSchema,
  releases: list(z.string()),
  outcome: OutcomeSchema,
  notChecked: list(NotCheckedSchema),
  refreshCommand: z.string().optional().meta({ description: 'when something was not checked: the command that loads it' }),
});

const _edit: SameShape<typeof EditSchema, Edit> = true;
const _line: SameShape<typeof LineResultSchema, LineResult> = true;
const _result: SameShape<typeof ValidationResultSchema, ValidationResult> = true;
const _notChecked: SameShape<typeof NotCheckedSchema, NotChecked> = true;
void [_edit, _line, _result, _notChecked];
