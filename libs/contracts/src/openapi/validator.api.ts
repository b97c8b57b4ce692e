import { ClaimSchema } from '@claimflow/domain';
import { ValidationResultSchema } from '../messages/validation-result.schema';
import { errorAnswer, frameworkOrApiError, type ApiSpec } from './openapi-builder';

export const VALIDATOR_API: ApiSpec = {
  service: 'validator',
  title: 'ClaimFlow validator',
  description: 'Checks one canonical claim against NCCI, MUE, add-on, guidance, PC/TC and documentation rules, synchronously.',
  routes: [
    {
      method: 'post',
      path: '/v1/validate',
      operationId: 'validateClaim',
      summary: 'Validate one canonical claim',
      tags: ['validation'],
      requestBody: { required: true, content: { 'application/json': ClaimSchema } },
      responses: {
        '200': {
          description: 'Edits, per-line results and the proposed corrected claim',
          content: { 'application/json': ValidationResultSchema },
        },
        '400': frameworkOrApiError('Malformed JSON'),
        '413': frameworkOrApiError('Body too large'),
        '422': errorAnswer('The claim does not match the canonical schema (CLAIM_INVALID), with every field problem'),
      },
    },
  ],
};
