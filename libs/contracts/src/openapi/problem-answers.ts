import type { z } from 'zod';
import { PROBLEM_MEDIA_TYPE, ProblemDetailsSchema } from '../http/errors.schema';
import type { ResponseSpec } from './openapi-spec.types';

/** A 4xx/5xx: RFC 9457 application/problem+json (ProblemDetailsSchema, or one with the route's own members). */
export const errorAnswer = (description: string, schema: z.ZodType = ProblemDetailsSchema): ResponseSpec => ({
  description,
  content: { [PROBLEM_MEDIA_TYPE]: schema },
});

export const RETRY_AFTER = { 'Retry-After': 'Seconds to wait before retrying' } as const;

/** Too many requests from one key (or, on open routes, one address): RATE_LIMITED. */
export const RATE_LIMITED: ResponseSpec = {
  ...errorAnswer('Too many requests (RATE_LIMITED); retry after Retry-After'),
  headers: RETRY_AFTER,
};

/** What every route may answer at the edge, before any handler: a credential in the URL, or two Authorization headers. */
export const EDGE_REFUSAL = 'A key in the URL (API_KEY_IN_URL) or two Authorization headers (API_KEY_AMBIGUOUS)';

/** What every route taking an API key may answer before its own code runs (a route's own entries win). */
export const KEYED_ANSWERS: Readonly<Record<string, ResponseSpec>> = {
  '400': errorAnswer(EDGE_REFUSAL),
  '401': {
    ...errorAnswer('Missing, unknown or revoked API key (API_KEY_MISSING, API_KEY_INVALID); see WWW-Authenticate'),
    headers: { 'WWW-Authenticate': 'Bearer challenge naming the error' },
  },
  '403': errorAnswer('The API key lacks a scope the route needs (SCOPE_MISSING)'),
  '429': {
    ...errorAnswer('Too many requests, or too many failed authentications from this address (RATE_LIMITED); retry after Retry-After'),
    headers: RETRY_AFTER,
  },
  '503': {
    ...errorAnswer('API keys cannot be checked right now (DATABASE_UNAVAILABLE), or the service is at capacity (OVERLOADED)'),
    headers: RETRY_AFTER,
  },
};
