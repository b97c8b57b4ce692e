import { STATUS_CODES, type ServerResponse } from 'node:http';
import { PROBLEM_MEDIA_TYPE, problemType, type FieldProblem, type ProblemDetails } from '@claimflow/contracts';

/** What a refusal is written as before it becomes a problem: a code, a message, field problems, route members. */
export interface Refusal {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly detail?: unknown;
  readonly errors?: unknown;
  /** The one field at fault, when there is no errors[] (the earlier answers' `field`). */
  readonly field?: unknown;
  readonly [member: string]: unknown;
}

/** Members the problem owns, or replaces (Nest's statusCode/error); an earlier `field` stays beside errors[]. */
const REPLACED = new Set(['statusCode', 'error', 'code', 'message', 'detail', 'errors', 'type', 'title', 'status']);

/** The code of a status when a refusal names none: NOT_FOUND, METHOD_NOT_ALLOWED, INTERNAL_ERROR, ... */
export function codeOfStatus(status: number): string {
  if (status === 500) return 'INTERNAL_ERROR';
  const phrase = STATUS_CODES[status] ?? (status < 500 ? 'Bad Request' : 'Server Error');
  return phrase
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function fieldProblems(refusal: Refusal, code: string, detail: string): FieldProblem[] {
  if (Array.isArray(refusal.errors))
    return refusal.errors.map((e: Record<string, unknown>) => ({
      path: typeof e?.path === 'string' ? e.path : Array.isArray(e?.path) ? e.path.join('.') : '',
      code: text(e?.code) ?? code,
      message: text(e?.message) ?? detail,
      ...(text(e?.source) ? { source: e.source as string } : {}),
    }));
  const field = text(refusal.field);
  return field ? [{ path: field, code, message: detail }] : [];
}

/**
 * RFC 9457 problem details from a status and what the code refused with: the code kept (or the status's own),
 * `detail` (and `message`, for earlier clients) from the message, every field problem with path, code and message,
 * and the route's own members (a submission's refused claims) beside them.
 */
export function problemOf(status: number, refusal: Refusal = {}): ProblemDetails {
  const code = text(refusal.code) ?? codeOfStatus(status);
  const title = STATUS_CODES[status] ?? 'Error';
  const detail = text(refusal.detail) ?? text(refusal.message) ?? title;
  const members = Object.fromEntries(Object.entries(refusal).filter(([k]) => !REPLACED.has(k)));
  return {
    type: problemType(code),
    title,
    status,
    code,
    detail,
    message: detail,
    errors: fieldProblems(refusal, code, detail),
    ...members,
  };
}

/** Writes a problem on any Node response (Express's, or the raw one a proxy holds). */
export function writeProblem(res: ServerResponse, status: number, refusal: Refusal = {}, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(problemOf(status, refusal));
  res.writeHead(status, { ...headers, 'content-type': `${PROBLEM_MEDIA_TYPE}; charset=utf-8`, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
