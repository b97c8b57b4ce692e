import { z } from 'zod';

export const LivenessSchema = z.object({ status: z.literal('ok') });

const IndicatorsSchema = z.record(z.string(), z.object({ status: z.enum(['up', 'down']) }).catchall(z.unknown()));

/** GET /health/ready (Terminus): every indicator with its status; 503 when one is down. */
export const ReadinessSchema = z.object({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: IndicatorsSchema.optional(),
  error: IndicatorsSchema.optional(),
  details: IndicatorsSchema,
});
