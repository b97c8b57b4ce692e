import { z } from 'zod';
import { CLAIM_LIST_DEFAULT_LIMIT, CLAIM_LIST_MAX_LIMIT, ClaimListAnswerSchema, ClaimListQuerySchema } from '../http/claim-list.schema';
import { RETRY_AFTER, errorAnswer, type RouteSpec } from './openapi-builder';
import { queryParameters } from './query-parameters';

const parameters = queryParameters(ClaimListQuerySchema.shape, {
  limit: z.number().int().min(1).max(CLAIM_LIST_MAX_LIMIT).default(CLAIM_LIST_DEFAULT_LIMIT),
  denied: z.boolean(),
  payerOutcome: z.boolean(),
});

/** GET /v1/claims: the caller's own claims, newest first, filtered, a page at a time. */
export const LIST_CLAIMS_ROUTE: RouteSpec = {
  method: 'get',
  path: '/v1/claims',
  operationId: 'listClaims',
  summary: 'The key owner’s claims, newest first, filtered, with a cursor (also: find a claim by submitterClaimId)',
  tags: ['claims'],
  bearer: true,
  parameters,
  responses: {
    '200': { description: 'A page of claims; links.next reads the following one', content: { 'application/json': ClaimListAnswerSchema } },
    '400': errorAnswer('A parameter is wrong (PARAM_INVALID; errors[].path names each one, cursor included)'),
    '503': { ...errorAnswer('The ledger cannot be read right now (DATABASE_UNAVAILABLE)'), headers: RETRY_AFTER },
  },
};
