import { z } from 'zod';
import { DenialReportSchema, FEEDBACK_PAYER_TYPES, US_STATES } from '@claimflow/domain';
import { DenialPatternsAnswerSchema, DenialReportCreatedSchema, PatternPublicationSchema } from '../http/feedback.schema';
import { KEYED_ANSWERS, RETRY_AFTER, errorAnswer, type ApiSpec } from './openapi-builder';

export const FEEDBACK_API: ApiSpec = {
  service: 'feedback',
  title: 'ClaimFlow feedback',
  description:
    'Anonymous denial reports from billers (each key a reporter, never stored as such), and the denial patterns of a code: ' +
    'a published lattice of views (none, one payer type, one state or one year), each count backed by enough reporters.',
  routes: [
    {
      method: 'post',
      path: '/v1/denial-reports',
      operationId: 'submitDenialReport',
      summary: 'Share what happened after a denial (anonymous; personal data refused)',
      tags: ['denial reports'],
      bearer: true,
      parameters: [
        {
          name: 'Idempotency-Key',
          in: 'header',
          description: 'Any 8-200 visible ASCII characters; a retry under the same key never stores twice',
          schema: z.string().min(8).max(200),
        },
      ],
      requestBody: { required: true, content: { 'application/json': DenialReportSchema } },
      responses: {
        '201': { description: 'Stored (or a replay of a stored report)', content: { 'application/json': DenialReportCreatedSchema } },
        '400': errorAnswer('Malformed JSON (JSON_MALFORMED, with its byte position) or Idempotency-Key (IDEMPOTENCY_KEY_INVALID)'),
        '401': {
          ...KEYED_ANSWERS['401']!,
          description: 'Missing, unknown or revoked API key (API_KEY_MISSING, API_KEY_INVALID, REPORTER_MISSING, REPORTER_INVALID)',
        },
        '429': { ...errorAnswer('Too many requests from this key or reporter (RATE_LIMITED)'), headers: RETRY_AFTER },
        '409': errorAnswer('Idempotency-Key already used for a different report (IDEMPOTENCY_KEY_REUSED)'),
        '413': errorAnswer('Body too large (BODY_TOO_LARGE)'),
        '415': errorAnswer('Not application/json (UNSUPPORTED_CONTENT_TYPE, as every service)'),
        '422': errorAnswer('Not stored: every field problem is listed (REPORT_INVALID)'),
        '503': { ...errorAnswer('Database unavailable; retry with the same Idempotency-Key (DATABASE_UNAVAILABLE)'), headers: RETRY_AFTER },
      },
    },
    {
      method: 'get',
      path: '/v1/codes/{code}/denial-patterns',
      operationId: 'denialPatterns',
      summary: 'Denial patterns of a code, as last published (counts rounded; each backed by at least threshold reporters)',
      tags: ['denial patterns'],
      parameters: [
        { name: 'code', in: 'path', description: 'CPT/HCPCS code', schema: z.string() },
        { name: 'payerType', in: 'query', description: 'One payer type (at most one filter)', schema: z.enum(FEEDBACK_PAYER_TYPES) },
        { name: 'state', in: 'query', description: 'One US state, two letters (at most one filter)', schema: z.enum(US_STATES) },
        {
          name: 'year',
          in: 'query',
          description: 'One calendar year of denial, YYYY (at most one filter)',
          schema: z.string().regex(/^\d{4}$/),
        },
      ],
      responses: {
        '200': {
          description: 'Patterns, or how many more reports are needed',
          content: { 'application/json': DenialPatternsAnswerSchema },
        },
        '400': errorAnswer('The code or a filter is not valid (QUERY_INVALID), each named'),
        '503': { ...errorAnswer('Database unavailable (DATABASE_UNAVAILABLE)'), headers: RETRY_AFTER },
      },
    },
    {
      method: 'get',
      path: '/v1/denial-patterns/publication',
      operationId: 'patternPublication',
      summary: 'When patterns were last published, how often they are, and the guarantee they keep',
      tags: ['denial patterns'],
      responses: {
        '200': { description: 'The publication schedule', content: { 'application/json': PatternPublicationSchema } },
        '503': { ...errorAnswer('Database unavailable (DATABASE_UNAVAILABLE)'), headers: RETRY_AFTER },
      },
    },
  ],
};
