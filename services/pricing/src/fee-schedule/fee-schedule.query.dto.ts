import { z } from 'zod';

export const FeeScheduleQuerySchema = z.object({
  modifier: z.enum(['26', 'TC']).optional(),
  /** CARRIER-LOC, e.g. 01112-05 */
  locality: z
    .string()
    .regex(/^\d{5}-\d{2}$/, 'expected CARRIER-LOC, e.g. 01112-05')
    .optional(),
  zip: z
    .string()
    .regex(/^\d{5}$/, 'expected a 5-digit ZIP code')
    .optional(),
  pos: z
    .string()
    .regex(/^\d{2}$/, 'expected a 2-digit place of service')
    .optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
    .optional(),
  latest: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export type FeeScheduleQuery = z.infer<typeof FeeScheduleQuerySchema>;
