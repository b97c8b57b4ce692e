import { z } from 'zod';
import {
  ClaimSubmissionSchema,
  ClaimViewSchema,
  FhirResourceSchema,
  RefusedSubmissionSchema,
  SubmitClaimsAnswerSchema,
} from '../http/ingest.schema';
import { TRACEPARENT_PATTERN } from '../envelope/trace-context';
import { x12Text } from './x12-content';
import { EditAccuracySchema, PublicEditAccuracySchema, RefusedRemittanceSchema, RemittanceAnswerSchema } from '../http/remittance.schema';
import { LIST_CLAIMS_ROUTE } from './claim-list.api';
import { SUBMISSION_ROUTES } from './submissions.api';
import { WEBHOOK_EVENTS, WEBHOOK_ROUTES } from './webhooks.api';
import { RETRY_AFTER, errorAnswer, type ApiSpec, type ParameterSpec } from './openapi-builder';

const wait: ParameterSpec = {
  name: 'wait',
  in: 'query',
  description: 'How long to wait for the result, e.g. 5s or 1500ms (capped by INGEST_MAX_WAIT_MS)',
  schema: z.string().regex(/^\d+(\.\d+)?(ms|s)?$/),
};

const SUBMISSION_LOCATION = { Location: 'The submission: /v1/submissions/{submissionId}' } as const;

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
        {
          name: 'X-Submitter-Id',
          in: 'header',
          description: 'Optional; when sent it must be the owner of the API key (SUBMITTER_MISMATCH otherwise)',
          schema: z.string().max(80),
        },
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
          ...x12Text,
        },
      },
      responses: {
        '200': {
          description: 'Every claim reached its final status within the wait',
          content: { 'application/json': SubmitClaimsAnswerSchema },
          headers: SUBMISSION_LOCATION,
        },
        '202': {
          description: 'Accepted; read results at links.self, the submission at Location (links.submission)',
          content: { 'application/json': SubmitClaimsAnswerSchema },
          headers: SUBMISSION_LOCATION,
        },
        '400': errorAnswer(
          "Unreadable body (JSON_MALFORMED, ENCODING_INVALID, NUL_CHARACTER: then with the submission answer's members), wait parameter (WAIT_INVALID), " +
            'X-Submitter-Id (SUBMITTER_ID_INVALID), X-Correlation-Id (CORRELATION_ID_INVALID), or a submitter other than the key owner (SUBMITTER_MISMATCH)',
          RefusedSubmissionSchema.partial({ submissionId: true, links: true, format: true, claims: true, rejected: true }),
        ),
        '413': errorAnswer('Body over INGEST_MAX_BODY (BODY_TOO_LARGE)'),
        '415': errorAnswer('Content type not accepted (UNSUPPORTED_CONTENT_TYPE)'),
        '422': errorAnswer(
          'No claim accepted (SUBMISSION_REJECTED): the problems are listed (bounded; errorsOmitted counts the rest), e.g. a void (frequency 8) naming no earlier claim of the submitter (NOTHING_TO_VOID)',
          RefusedSubmissionSchema,
        ),
        '503': {
          ...errorAnswer('The ledger cannot be written right now (DATABASE_UNAVAILABLE), or ingest is at capacity (OVERLOADED)'),
          headers: RETRY_AFTER,
        },
      },
    },
    LIST_CLAIMS_ROUTE,
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
        '503': {
          ...errorAnswer('The ledger cannot be read right now (DATABASE_UNAVAILABLE), or ingest is at capacity (OVERLOADED)'),
          headers: RETRY_AFTER,
        },
        '400': errorAnswer('id is not a UUID (CLAIM_ID_INVALID) or wait is malformed (WAIT_INVALID)'),
        '404': errorAnswer('No such claim of the key owner (CLAIM_NOT_FOUND)'),
        '406': errorAnswer('A ClaimResponse was asked for before the claim was priced (NOT_PRICED_YET)'),
      },
    },
    ...SUBMISSION_ROUTES,
    {
      method: 'post',
      path: '/v1/remittances',
      operationId: 'submitRemittance',
      summary: 'Record the payer’s answer (X12 835) against the submitter’s claims',
      tags: ['remittances'],
      bearer: true,
      parameters: [
        {
          name: 'contribute',
          in: 'query',
          description: 'true: each denied line also becomes an anonymous denial report (the key then needs reports:submit too)',
          schema: z.enum(['true', 'false']),
        },
        { name: 'X-Correlation-Id', in: 'header', description: 'Carried on every message the remittance causes', schema: z.string() },
      ],
      requestBody: { required: true, content: x12Text },
      responses: {
        '200': { description: 'Claim payments matched, problems beside them', content: { 'application/json': RemittanceAnswerSchema } },
        '400': errorAnswer('contribute is not true or false (PARAM_INVALID)'),
        '413': errorAnswer('Body over INGEST_MAX_BODY (BODY_TOO_LARGE)'),
        '403': errorAnswer('The key lacks claims:submit, or reports:submit with contribute=true (SCOPE_MISSING)'),
        '415': errorAnswer('Not an X12 content type (UNSUPPORTED_CONTENT_TYPE)'),
        '422': errorAnswer('Nothing readable (REMITTANCE_REJECTED): every problem is listed', RefusedRemittanceSchema),
      },
    },
    {
      method: 'get',
      path: '/v1/edit-accuracy',
      operationId: 'editAccuracy',
      summary: 'How often payers agreed with each edit, on the key owner’s claims (or everyone’s with view=public)',
      tags: ['remittances'],
      bearer: true,
      parameters: [{ name: 'view', in: 'query', description: 'own (default) or public', schema: z.enum(['own', 'public']) }],
      responses: {
        '200': {
          description: 'Edit accuracy (view=public: the public answer as last published, with minReporters and rounding)',
          content: { 'application/json': z.union([PublicEditAccuracySchema, EditAccuracySchema]) },
        },
        '400': errorAnswer('view is not own or public (PARAM_INVALID)'),
      },
    },
    {
      method: 'get',
      path: '/v1/edit-accuracy/public',
      operationId: 'publicEditAccuracy',
      summary: 'Everyone’s edit accuracy as last published: only figures at least minReporters submitters stand behind, rounded',
      tags: ['remittances'],
      responses: { '200': { description: 'Public edit accuracy', content: { 'application/json': PublicEditAccuracySchema } } },
    },
    ...WEBHOOK_ROUTES,
  ],
  webhooks: WEBHOOK_EVENTS,
};
