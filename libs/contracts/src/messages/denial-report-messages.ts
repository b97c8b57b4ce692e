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

/**
 * Kafka header naming the reporter of a DenialReportSubmitted.v1 (the producer's API key id). Feedback keeps only a
 * keyed hash of it and strips it from dead letters; producers on the topic are trusted (broker ACLs / SASL).
 */
export const REPORTER_HEADER = 'cf-reporter-key-id';
