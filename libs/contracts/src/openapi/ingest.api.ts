import { z } from 'zod';
import { ClaimSubmissionSchema, ClaimViewSchema, FhirResourceSchema, SubmitClaimsAnswerSchema } from '../http/ingest.schema';
import { TRACEPARENT_PATTERN } from '../envelope/trace-context';
import { UNAUTHORIZED, errorAnswer, frameworkOrApiError, type ApiSpec, type ParameterSpec } from './openapi-builder';

const wait: ParameterSpec = {
  name: 'wait',
  in: 'query',
  description: 'How long to wait for the result, e.g. 5s or 1500ms (capped by INGEST_MAX_WAIT_MS)',
  schema: z.string().regex(/^\d+(\.\d+)?(ms|s)?$/),
};

export const INGEST_API: ApiSpec = {
  service: 'ingest',
  title: 'ClaimFlow ingest',
  description:
    'Submit professional claims (canonical JSON, X12 837P, FHIR R4 Claim/Bundle) and read their validation and pricing. ' +
    'A W3C traceparent header is continued through every Kafka hop the claim takes.',
  routes: [
    {
      method: 'post',
      path: '/v1/claims',
      operationId: 'submitClaims',
      summary: 'Submit one or more claims',
      tags: ['claims'],
      bearer: true,
      parameters: [
        wait,
        { name: 'X-Submitter-Id', in: 'header', description: 'The submitting system', schema: z.string().max(80) },
        { name: 'X-Correlation-Id', in: 'header', description: 'Carried on every message the claims cause', schema: z.string() },
        {
          name: 'traceparent',
          in: 'header',
          description: 'W3C Trace Context of the caller',
          schema: z.string().regex(TRACEPARENT_PATTERN),
        },
      ],
      requestBody: {
        required: true,
        content: {
          'application/json': ClaimSubmissionSchema,
          'application/fhir+json': FhirResourceSchema,
          'application/edi-x12': 'text',
          'text/plain': 'text',
        },
      },
      responses: {
        '200': {
          description: 'Every claim reached its final status within the wait',
          content: { 'application/json': SubmitClaimsAnswerSchema },
        },
        '202': { description: 'Accepted; read results at links.self', content: { 'application/json': SubmitClaimsAnswerSchema } },
        '400': frameworkOrApiError('Malformed body or wait parameter (WAIT_INVALID)'),
        '401': UNAUTHORIZED,
        '413': frameworkOrApiError('Body over INGEST_MAX_BODY (BODY_TOO_LARGE)'),
        '415': errorAnswer('Content type not accepted (UNSUPPORTED_CONTENT_TYPE)'),
        '422': { description: 'No claim accepted: every problem is listed', content: { 'application/json': SubmitClaimsAnswerSchema } },
      },
    },
    {
      method: 'get',
      path: '/v1/claims/{id}',
      operationId: 'getClaim',
      summary: 'A claim with its status and, once final, its validation and pricing',
      tags: ['claims'],
      bearer: true,
      parameters: [{ name: 'id', in: 'path', description: 'claimId from the submission answer', schema: z.uuid() }, wait],
      responses: {
        '200': {
          description: 'The claim (application/fhir+json: a FHIR ClaimResponse once priced)',
          content: { 'application/json': ClaimViewSchema, 'application/fhir+json': FhirResourceSchema },
        },
        '400': frameworkOrApiError('id is not a UUID (CLAIM_ID_INVALID) or wait is malformed (WAIT_INVALID)'),
        '401': UNAUTHORIZED,
        '404': errorAnswer('No such claim (CLAIM_NOT_FOUND)'),
        '406': errorAnswer('A ClaimResponse was asked for before the claim was priced (NOT_PRICED_YET)'),
      },
    },
  ],
};
