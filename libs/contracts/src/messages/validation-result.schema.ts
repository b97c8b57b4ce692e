import { z } from 'zod';
import { ClaimSchema } from '@claimflow/domain';

const EditSchema = z.object({
  code: z.string(),
  severity: z.enum(['deny', 'warn', 'info']),
  lines: z.array(z.number().int()),
  message: z.string(),
  source: z.object({
    dataset: z.string(),
    release: z.string(),
    effective: z.string().nullable().optional(),
    deletion: z.string().nullable().optional(),
    modifierIndicator: z.string().optional(),
    adjudicationIndicator: z.number().optional(),
    rationale: z.string().optional(),
    notes: z.array(z.string()).optional(),
  }),
  fix: z.object({
    action: z.enum(['remove-line', 'add-modifier', 'remove-modifier', 'replace-code', 'reduce-units', 'none']),
    detail: z.string(),
    automatic: z.boolean(),
    modifier: z.string().optional(),
    replacementCode: z.string().optional(),
    units: z.number().optional(),
  }),
});

export const ValidationResultSchema = z.object({
  claimId: z.string(),
  edits: z.array(EditSchema),
  lines: z.array(
    z.object({
      lineNumber: z.number().int(),
      code: z.string(),
      modifiers: z.array(z.string()),
      units: z.number(),
      denied: z.boolean(),
      edits: z.array(EditSchema),
    }),
  ),
  correctedClaim: ClaimSchema,
  releases: z.array(z.string()),
});
