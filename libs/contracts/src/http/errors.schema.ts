import { z } from 'zod';

/** RFC 9457 (Problem Details for HTTP APIs): the media type of every 4xx/5xx answer of every service. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** The problem type URI of a code: https://claimflow.dev/problems/json-malformed for JSON_MALFORMED. */
export const problemType = (code: string): string => `https://claimflow.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;

/** A problem with one field; `path` names the field, the message never echoes its value. */
export const FieldProblemSchema = z.object({
  path: z.string().meta({ description: 'the field, parameter or header, e.g. lines[0].code, query.date, X-Correlation-Id' }),
  code: z.string().meta({ description: 'stable code of this field problem' }),
  message: z.string(),
  source: z.string().optional().meta({ description: 'where in the original input (X12 segment position, FHIR path)' }),
});

/**
 * Every 4xx/5xx of every ClaimFlow service (RFC 9457): `type` (a URI naming the code), `title` (the HTTP status's
 * phrase), `status`, a stable `code`, `detail`, and `errors[]` naming each field. `message` repeats `detail` for
 * clients written against the earlier `{code, message, errors}` answers. Routes may add members (RFC 9457 §3.2).
 */
export const ProblemDetailsSchema = z
  .object({
    type: z.string().meta({ description: 'URI of the problem type: https://claimflow.dev/problems/<code in kebab case>' }),
    title: z.string().meta({ description: 'short summary of the problem type (the HTTP status phrase)' }),
    status: z.number().int().min(400).max(599),
    code: z.string().meta({ description: 'stable error code, e.g. CLAIM_NOT_FOUND' }),
    detail: z.string().meta({ description: 'what went wrong in this occurrence; never echoes a value sent' }),
    message: z.string().meta({ description: 'the same as detail (kept for clients of the earlier answers)' }),
    errors: z.array(FieldProblemSchema),
  })
  .catchall(z.unknown())
  .meta({ title: 'Problem' });

/** A problem answer with route-specific members (e.g. the refused claims of a submission). */
export const problemWith = <S extends z.ZodRawShape>(shape: S) => ProblemDetailsSchema.extend(shape);

export type FieldProblem = z.infer<typeof FieldProblemSchema>;
export type ProblemDetails = z.infer<typeof ProblemDetailsSchema>;
