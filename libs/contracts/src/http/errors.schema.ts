import { z } from 'zod';

/** A problem with one field; `path` names the field, the message never echoes its value. */
export const ProblemSchema = z.object({
  path: z.string(),
  code: z.string().optional(),
  message: z.string(),
  source: z.string().optional(),
});

/** Every 4xx/5xx ClaimFlow itself writes: a stable code, a message, and field problems when there are any. */
export const ApiErrorSchema = z
  .object({
    code: z.string().meta({ description: 'stable error code, e.g. CLAIM_NOT_FOUND' }),
    message: z.string().optional(),
    errors: z.array(ProblemSchema).optional(),
  })
  .catchall(z.unknown())
  .meta({ title: 'ApiError' });

/** Refusals written by the HTTP framework before ClaimFlow's code runs (malformed JSON, body over the limit). */
export const FrameworkErrorSchema = z
  .object({
    statusCode: z.number().int(),
    message: z.union([z.string(), z.array(z.string())]),
    error: z.string().optional(),
  })
  .meta({ title: 'FrameworkError' });

export const AnyErrorSchema = z.union([ApiErrorSchema, FrameworkErrorSchema]);

export type ApiError = z.infer<typeof ApiErrorSchema>;
