import { ClaimSchema } from '@claimflow/domain';
import { ValidationResultSchema } from '../messages/validation-result.schema';
import { CheckClaimAnswerSchema, FhirResourceSchema, RefusedCheckSchema } from '../http/ingest.schema';
import { RATE_LIMITED, errorAnswer, type ApiSpec } from './openapi-builder';
import { x12Text } from './x12-content';

export const VALIDATOR_API: ApiSpec = {
  service: 'validator',
  title: 'ClaimFlow validator',
  description: 'Checks one canonical claim against NCCI, MUE, add-on, guidance, PC/TC and documentation rules, synchronously.',
  routes: [
    {
      method: 'post',
      path: '/v1/validate',
      operationId: 'validateClaim',
      summary: 'Validate one canonical claim (no key; under the keyless check limit, in the check pool)',
      tags: ['validation'],
      requestBody: { required: true, content: { 'application/json': ClaimSchema } },
      responses: {
        '200': {
          description: 'Edits, per-line results and the proposed corrected claim',
          content: { 'application/json': ValidationResultSchema },
        },
        '400': errorAnswer('Malformed JSON (JSON_MALFORMED, with its byte position)'),
        '413': errorAnswer('Body too large (BODY_TOO_LARGE)'),
        '422': errorAnswer('The claim does not match the canonical schema (CLAIM_INVALID), with every field problem'),
        '429': { ...RATE_LIMITED, description: 'Too many checks from this address (RATE_LIMITED); retry after Retry-After' },
        '503': errorAnswer(
          'Every check worker is busy and the queue is full (CHECK_BUSY), or the check did not finish (CHECK_UNAVAILABLE); retry after Retry-After',
        ),
      },
    },
    {
      method: 'post',
      path: '/v1/check',
      operationId: 'checkClaim',
      summary:
        'Check up to ten claims as the pipeline would (validate and price; at most 50 edits a claim), without a key; nothing is stored or published; gzip when accepted',
      tags: ['validation'],
      requestBody: {
        required: true,
        content: {
          'application/json': ClaimSchema,
          'application/fhir+json': FhirResourceSchema,
          ...x12Text,
        },
      },
      responses: {
        '200': { description: 'The claim validated and priced', content: { 'application/json': CheckClaimAnswerSchema } },
        '400': errorAnswer('Malformed body (JSON_MALFORMED, with its byte position)'),
        '413': errorAnswer('Body too large (BODY_TOO_LARGE)'),
        '415': errorAnswer('Content type not accepted (UNSUPPORTED_CONTENT_TYPE)'),
        '422': errorAnswer(
          'No claim could be checked (SUBMISSION_REJECTED; more than ten sent: TOO_MANY_CLAIMS in errors[]): every problem is listed',
          RefusedCheckSchema,
        ),
        '429': { ...RATE_LIMITED, description: 'Too many checks from this address (RATE_LIMITED); retry after Retry-After' },
        '503': errorAnswer(
          'Every check worker is busy and the queue is full (CHECK_BUSY), or the check did not finish (CHECK_UNAVAILABLE); retry after Retry-After',
        ),
      },
    },
  ],
};
