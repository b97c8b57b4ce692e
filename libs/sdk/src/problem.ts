import type { IngestPaths } from './clients';

/** An RFC 9457 problem as every ClaimFlow service sends it (`application/problem+json`). */
export type Problem = IngestPaths['/v1/claims']['get']['responses'][400]['content']['application/problem+json'];
export type FieldProblem = Problem['errors'][number];

/**
 * A call the service refused (4xx, 5xx): its status, its stable `code` and the whole problem (its `errors[]` name each
 * field; answers that list what was refused keep their members, e.g. `claims` and `rejected` of a 422 submission).
 * The message holds the status, code, detail and the paths named, never a value sent.
 */
export class ClaimFlowProblem extends Error {
  override readonly name = 'ClaimFlowProblem';
  readonly code: string;
  /** Seconds the service asked to wait (429, 503), when it said. */
  readonly retryAfter?: number;

  constructor(
    readonly call: string,
    readonly status: number,
    readonly problem: Problem | undefined,
    retryAfter?: string | null,
  ) {
    const code = problem?.code ?? 'NOT_A_PROBLEM';
    const paths = problem?.errors?.map((e) => e.path).filter(Boolean) ?? [];
    super(
      `${call} answered ${status} ${code}${problem?.detail ? `: ${problem.detail}` : ''}${paths.length ? ` (${paths.join(', ')})` : ''}`,
    );
    this.code = code;
    const seconds = Number(retryAfter);
    if (retryAfter && Number.isFinite(seconds)) this.retryAfter = seconds;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';

/** What openapi-fetch answers, whichever route: data on success, error (parsed body) otherwise. */
export interface Answer<T> {
  readonly data?: T;
  readonly error?: unknown;
  readonly response: Response;
}

/** The data of a successful answer, or a thrown `ClaimFlowProblem` naming the call. */
export function dataOf<T>(call: string, answer: Answer<T>): T {
  if (answer.response.ok && answer.error === undefined) return answer.data as T;
  const body = answer.error;
  throw new ClaimFlowProblem(call, answer.response.status, isProblem(body) ? body : undefined, answer.response.headers.get('retry-after'));
}
