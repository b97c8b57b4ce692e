import { z } from 'zod';

/** Idempotency-Key header: any client-chosen token (a UUID is typical); only its hash is stored. */
export const IdempotencyKeySchema = z
  .string()
  .min(8, 'Idempotency-Key must be 8 to 200 visible ASCII characters')
  .max(200, 'Idempotency-Key must be 8 to 200 visible ASCII characters')
  .regex(/^[\x21-\x7e]+$/, 'Idempotency-Key must be 8 to 200 visible ASCII characters');

/** 201 answer; `replayed` is true for a retry of a submission already stored under the same Idempotency-Key. */
export type { DenialReportCreated } from '@claimflow/contracts';
