import { z } from 'zod';
import { DenialReportSchema } from '@claimflow/domain';

/**
 * A denial report sent by a practice-management system. The same checks as the HTTP path apply
 * when it is consumed (personal data included); the idempotency key defaults to the message id.
 */
export const DenialReportSubmittedV1 = z.object({
  type: z.literal('DenialReportSubmitted.v1'),
  idempotencyKey: z.string().min(8).max(200).optional(),
  report: DenialReportSchema,
});

export type DenialReportSubmittedV1 = z.infer<typeof DenialReportSubmittedV1>;
