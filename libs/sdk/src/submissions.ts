import type { IngestClient, IngestPaths } from './clients';
import { dataOf } from './problem';

type ListOperation = IngestPaths['/v1/submissions']['get'];

export type Submission = IngestPaths['/v1/submissions/{id}']['get']['responses'][200]['content']['application/json'];
export type SubmissionListQuery = NonNullable<ListOperation['parameters']['query']>;
export type SubmissionPage = ListOperation['responses'][200]['content']['application/json'];
export type ListedSubmission = SubmissionPage['submissions'][number];

/** GET /v1/submissions/{id}: the submission's counts by status and its claims (each with its 277CA link). */
export async function getSubmission(client: IngestClient, submissionId: string): Promise<Submission> {
  const answer = await client.GET('/v1/submissions/{id}', { params: { path: { id: submissionId } } });
  return dataOf('GET /v1/submissions/{id}', answer);
}

/** GET /v1/submissions: one page of the key owner's submissions, newest first (`since`, `limit` 1-100, `cursor`). */
export async function listSubmissions(client: IngestClient, query: SubmissionListQuery = {}): Promise<SubmissionPage> {
  return dataOf('GET /v1/submissions', await client.GET('/v1/submissions', { params: { query } }));
}

/** Every submission of the key owner matching `query`, newest first, page after page. */
export async function* listAllSubmissions(
  client: IngestClient,
  query: Omit<SubmissionListQuery, 'cursor'> = {},
): AsyncGenerator<ListedSubmission> {
  let cursor: string | undefined;
  do {
    const page = await listSubmissions(client, { ...query, ...(cursor ? { cursor } : {}) });
    yield* page.submissions;
    cursor = page.cursor;
  } while (cursor);
}

/**
 * GET /v1/submissions/{id}/999: the implementation acknowledgment (005010X231A1) of an 837P submission as X12 text.
 * A JSON or FHIR submission has none: `ClaimFlowProblem` 404 `NOT_X12`.
 */
export async function getSubmission999(client: IngestClient, submissionId: string): Promise<string> {
  const answer = await client.GET('/v1/submissions/{id}/999', { params: { path: { id: submissionId } }, parseAs: 'text' });
  return dataOf('GET /v1/submissions/{id}/999', answer);
}
