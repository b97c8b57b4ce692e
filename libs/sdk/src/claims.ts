import type { IngestClient, IngestPaths } from './clients';
import { dataOf } from './problem';

type SubmitOperation = IngestPaths['/v1/claims']['post'];
type ListOperation = IngestPaths['/v1/claims']['get'];

/** A canonical claim or an array of them, a FHIR Claim or Bundle, or the text of an X12 837P interchange. */
export type ClaimSubmissionBody =
  | SubmitOperation['requestBody']['content']['application/json']
  | SubmitOperation['requestBody']['content']['application/fhir+json']
  | string;
/** The answer of POST /v1/claims: the submission id, and each claim's id (and result, when it came within the wait). */
export type SubmissionAnswer =
  SubmitOperation['responses'][200]['content']['application/json'] | SubmitOperation['responses'][202]['content']['application/json'];
export type ClaimView = IngestPaths['/v1/claims/{id}']['get']['responses'][200]['content']['application/json'];
/** The query of GET /v1/claims (filters, limit, cursor) and one claim of its answer. */
export type ClaimListQuery = NonNullable<ListOperation['parameters']['query']>;
export type ClaimPage = ListOperation['responses'][200]['content']['application/json'];
export type ListedClaim = ClaimPage['claims'][number];

export interface SubmitOptions {
  /** Default: `application/edi-x12` for text, `application/json` otherwise (`application/fhir+json` for FHIR). */
  readonly contentType?: 'application/json' | 'application/fhir+json' | 'application/edi-x12' | 'application/x12' | 'text/plain';
  /** Hold the answer until every claim is final or this passes, e.g. `10s` (capped by the service). */
  readonly wait?: string;
  readonly correlationId?: string;
}

export interface Submitted {
  /** 200: every claim final within the wait (results included); 202: accepted, read on. */
  readonly status: 200 | 202;
  readonly submissionId: string;
  /** The `Location` header: /v1/submissions/{submissionId}. */
  readonly location: string;
  readonly answer: SubmissionAnswer;
}

/**
 * POST /v1/claims: one submission (a claim, an array, a FHIR Bundle, an 837P interchange). Answers its id and
 * `Location`; a submission none of whose claims is accepted throws a `ClaimFlowProblem` 422 `SUBMISSION_REJECTED`
 * (its `problem.rejected` lists why).
 */
export async function submitClaims(client: IngestClient, body: ClaimSubmissionBody, options: SubmitOptions = {}): Promise<Submitted> {
  const text = typeof body === 'string';
  const contentType = options.contentType ?? (text ? 'application/edi-x12' : 'application/json');
  const answer = await client.POST('/v1/claims', {
    body: body as SubmitOperation['requestBody']['content']['application/json'],
    bodySerializer: text ? (raw: unknown) => raw as string : undefined,
    headers: { 'content-type': contentType, ...(options.correlationId ? { 'x-correlation-id': options.correlationId } : {}) },
    params: { query: options.wait ? { wait: options.wait } : {} },
  });
  const data = dataOf('POST /v1/claims', answer);
  return {
    status: answer.response.status as 200 | 202,
    submissionId: data.submissionId,
    location: answer.response.headers.get('location') ?? data.links.submission,
    answer: data,
  };
}

/** GET /v1/claims/{id}: the claim's status and result; `wait` (e.g. `10s`) holds the answer until it is final. */
export async function getClaim(client: IngestClient, claimId: string, options: { wait?: string } = {}): Promise<ClaimView> {
  const query = options.wait ? { wait: options.wait } : {};
  const answer = await client.GET('/v1/claims/{id}', { params: { path: { id: claimId }, query } });
  return dataOf('GET /v1/claims/{id}', answer) as ClaimView; // JSON: no Accept asks for the FHIR ClaimResponse
}

/** GET /v1/claims: one page of the key owner's claims, newest first; pass its `cursor` for the next. */
export async function listClaims(client: IngestClient, query: ClaimListQuery = {}): Promise<ClaimPage> {
  return dataOf('GET /v1/claims', await client.GET('/v1/claims', { params: { query } }));
}

/**
 * Every claim of the key owner that matches `query`, newest first, page after page (following each answer's
 * cursor): `for await (const claim of listAllClaims(ingest, { status: 'rejected' })) ...`. A refused query throws
 * a `ClaimFlowProblem` (400 `PARAM_INVALID`, its `errors[].path` naming each parameter).
 */
export async function* listAllClaims(client: IngestClient, query: Omit<ClaimListQuery, 'cursor'> = {}): AsyncGenerator<ListedClaim> {
  let cursor: string | undefined;
  do {
    const page = await listClaims(client, { ...query, ...(cursor ? { cursor } : {}) });
    yield* page.claims;
    cursor = page.cursor;
  } while (cursor);
}

/** The claims the PM system numbered `submitterClaimId` (CLM01, the patient control number), newest first. */
export async function findClaimsBySubmitterClaimId(client: IngestClient, submitterClaimId: string): Promise<ListedClaim[]> {
  const found: ListedClaim[] = [];
  for await (const claim of listAllClaims(client, { submitterClaimId })) found.push(claim);
  return found;
}

/**
 * GET /v1/claims/{id}/277ca: the claim acknowledgment (005010X214) as X12 text, once the claim is final; before that
 * a `ClaimFlowProblem` 409 `CLAIM_NOT_FINAL`.
 */
export async function getClaim277ca(client: IngestClient, claimId: string): Promise<string> {
  const answer = await client.GET('/v1/claims/{id}/277ca', { params: { path: { id: claimId } }, parseAs: 'text' });
  return dataOf('GET /v1/claims/{id}/277ca', answer);
}
