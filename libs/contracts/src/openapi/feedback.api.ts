import { z } from 'zod';
import { DenialReportSchema } from '@claimflow/domain';
import { DenialPatternsAnswerSchema, DenialReportCreatedSchema } from '../http/feedback.schema';
import { UNAUTHORIZED, errorAnswer, frameworkOrApiError, type ApiSpec } from './openapi-builder';

const RETRY_AFTER = { 'Retry-After': 'Seconds to wait before retrying' };

export const FEEDBACK_API: ApiSpec = {
  service: 'feedback',
  title: 'ClaimFlow feedback',
  description: 'Anonymous denial reports from billers, and the denial patterns of a code once enough reports exist.',
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
        '400': frameworkOrApiError('Malformed JSON or Idempotency-Key (IDEMPOTENCY_KEY_INVALID)'),
        '401': UNAUTHORIZED,
        '409': errorAnswer('Idempotency-Key already used for a different report (IDEMPOTENCY_KEY_REUSED)'),
        '413': frameworkOrApiError('Body too large'),
        '415': errorAnswer('Not application/json (UNSUPPORTED_MEDIA_TYPE)'),
        '422': errorAnswer('Not stored: every field problem is listed (REPORT_INVALID)'),
        '503': { ...errorAnswer('Database unavailable; retry with the same Idempotency-Key (DATABASE_UNAVAILABLE)'), headers: RETRY_AFTER },
      },
    },
    {
      method: 'get',
      path: '/v1/codes/{code}/denial-patterns',
      operationId: 'denialPatterns',
      summary: 'Denial patterns of a code (every count shown is at least the threshold)',
      tags: ['denial patterns'],
      parameters: [
        { name: 'code', in: 'path', description: 'CPT/HCPCS code', schema: z.string() },
        { name: 'payerType', in: 'query', description: 'Filter by payer type', schema: z.string() },
        { name: 'state', in: 'query', description: 'Filter by US state (two letters)', schema: z.string() },
        { name: 'from', in: 'query', description: 'First denial month, YYYY-MM', schema: z.string() },
        { name: 'to', in: 'query', description: 'Last denial month, YYYY-MM', schema: z.string() },
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
  ],
};
