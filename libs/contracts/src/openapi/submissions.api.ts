import { z } from 'zod';
import { X12_MEDIA_TYPES } from '@claimflow/domain';
import {
  SUBMISSION_LIST_DEFAULT_LIMIT,
  SUBMISSION_LIST_MAX_LIMIT,
  SubmissionListAnswerSchema,
  SubmissionListQuerySchema,
  SubmissionViewSchema,
} from '../http/submission.schema';
import { RETRY_AFTER, errorAnswer, type ParameterSpec, type RouteSpec } from './openapi-builder';
import { queryParameters } from './query-parameters';

const X12_OUT = { [X12_MEDIA_TYPES[0]]: 'text' } as const;
const UNAVAILABLE = { ...errorAnswer('The ledger cannot be read right now (DATABASE_UNAVAILABLE)'), headers: RETRY_AFTER };
const submissionId: ParameterSpec = { name: 'id', in: 'path', description: 'submissionId from the submission answer', schema: z.uuid() };

const listParameters = queryParameters(SubmissionListQuerySchema.shape, {
  limit: z.number().int().min(1).max(SUBMISSION_LIST_MAX_LIMIT).default(SUBMISSION_LIST_DEFAULT_LIMIT),
});

/** Submissions as a resource (GET /v1/submissions, /v1/submissions/{id}), and the 999 and 277CA acknowledgments. */
export const SUBMISSION_ROUTES: RouteSpec[] = [
  {
    method: 'get',
    path: '/v1/submissions',
    operationId: 'listSubmissions',
    summary: 'The key owner’s submissions, newest first, with a cursor',
    tags: ['submissions'],
    bearer: true,
    parameters: listParameters,
    responses: {
      '200': {
        description: 'A page of submissions; links.next reads the following one',
        content: { 'application/json': SubmissionListAnswerSchema },
      },
      '400': errorAnswer('A parameter is wrong (PARAM_INVALID; errors[].path names each one, cursor included)'),
      '503': UNAVAILABLE,
    },
  },
  {
    method: 'get',
    path: '/v1/submissions/{id}',
    operationId: 'getSubmission',
    summary: 'A submission: its claims by status, and each claim (ids, submitterClaimId, status)',
    tags: ['submissions'],
    bearer: true,
    parameters: [submissionId],
    responses: {
      '200': { description: 'The submission', content: { 'application/json': SubmissionViewSchema } },
      '400': errorAnswer('id is not a UUID (SUBMISSION_ID_INVALID)'),
      '404': errorAnswer('No such submission of the key owner (SUBMISSION_NOT_FOUND)'),
      '503': UNAVAILABLE,
    },
  },
  {
    method: 'get',
    path: '/v1/submissions/{id}/999',
    operationId: 'getSubmission999',
    summary: 'The 999 Implementation Acknowledgment (005010X231A1) of an 837P submission',
    tags: ['submissions'],
    bearer: true,
    parameters: [submissionId],
    responses: {
      '200': { description: 'The 999: accepted, accepted with errors (IK3/IK4 per segment and element) or rejected', content: X12_OUT },
      '400': errorAnswer('id is not a UUID (SUBMISSION_ID_INVALID)'),
      '404': errorAnswer(
        'No such submission of the key owner (SUBMISSION_NOT_FOUND), a JSON or FHIR submission (NOT_X12), or an interchange whose ISA or functional group could not be read (NO_INTERCHANGE)',
      ),
      '503': UNAVAILABLE,
    },
  },
  {
    method: 'get',
    path: '/v1/claims/{id}/277ca',
    operationId: 'getClaim277ca',
    summary: 'The 277CA Health Care Claim Acknowledgment (005010X214) of a final claim',
    tags: ['claims'],
    bearer: true,
    parameters: [{ name: 'id', in: 'path', description: 'claimId from the submission answer', schema: z.uuid() }],
    responses: {
      '200': { description: 'The 277CA: accepted for processing (STC A2:20) or rejected with a status per reason', content: X12_OUT },
      '400': errorAnswer('id is not a UUID (CLAIM_ID_INVALID)'),
      '404': errorAnswer('No such claim of the key owner (CLAIM_NOT_FOUND)'),
      '409': errorAnswer('The claim is not final yet: priced or rejected (CLAIM_NOT_FINAL)'),
      '503': UNAVAILABLE,
    },
  },
];
