import { z } from 'zod';
import { TRACEPARENT, TRACEPARENT_PATTERN } from './trace-context';

/** Kafka header names carrying the envelope; the claim id travels as the message key. */
export const HEADERS = {
  id: 'cf-message-id',
  correlationId: 'cf-correlation-id',
  causationId: 'cf-causation-id',
  occurredAt: 'cf-occurred-at',
  type: 'cf-message-type',
  contentType: 'content-type',
  /** W3C Trace Context: the span that produced the message. */
  traceparent: TRACEPARENT,
} as const;

export const EnvelopeSchema = z.object({
  id: z.string().min(1),
  correlationId: z.string().min(1),
  causationId: z.string().min(1),
  occurredAt: z.string().datetime({ offset: true }),
  /** The message type with its version, e.g. "ClaimNormalized.v1". */
  type: z.string().regex(/^[A-Za-z]+\.v\d+$/),
  /** Optional so that messages from producers without tracing are still accepted. */
  traceparent: z.string().regex(TRACEPARENT_PATTERN).optional(),
});

export type Envelope = z.infer<typeof EnvelopeSchema>;
