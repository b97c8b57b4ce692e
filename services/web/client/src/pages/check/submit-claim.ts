// The ingest service's answers, typed from the contracts its OpenAPI document is generated from.
import type { ClaimView, FieldError, SubmitClaimsAnswer } from '@claimflow/contracts';
import { ApiError, errorFrom, getJson, post } from '../../api';

export type { ClaimView };
type ClaimStatus = ClaimView['status'];

export type CheckOutcome =
  | { readonly kind: 'checked'; readonly format: string; readonly duplicate: boolean; readonly claim: ClaimView }
  | { readonly kind: 'refused'; readonly format: string | null; readonly errors: readonly FieldError[] };

/** The content type the ingest service reads this text as: X12 starts with ISA, FHIR names its resourceType. */
export function contentTypeOf(text: string): string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('ISA')) return 'application/edi-x12';
  return /"resourceType"\s*:/.test(head.slice(0, 2000)) ? 'application/fhir+json' : 'application/json';
}

const FINAL: ReadonlySet<ClaimStatus> = new Set(['priced', 'rejected']);
const DEADLINE_MS = 45_000;

/** Submits through the real pipeline (ingest, validator, pricing) and waits for the final answer. */
export async function submitClaim(text: string): Promise<CheckOutcome> {
  const { status, body } = await post<SubmitClaimsAnswer>('/api/ingest/v1/claims?wait=10s', text, {
    'content-type': contentTypeOf(text),
    'x-submitter-id': 'claimflow-web',
  });
  if (status >= 400 && (!body || typeof body !== 'object' || !('claims' in body))) throw errorFrom(status, body);
  const first = body.claims[0];
  if (!first) return { kind: 'refused', format: body.format, errors: [...body.errors, ...(body.rejected[0]?.errors ?? [])] };
  let claim = first.result;
  const until = Date.now() + DEADLINE_MS;
  while (!claim || !FINAL.has(claim.status)) {
    if (Date.now() > until)
      throw new ApiError(504, 'CHECK_TIMEOUT', 'The claim was accepted but its check did not finish in time. Try again in a moment.');
    claim = await getJson<ClaimView>(`/api/ingest/v1/claims/${first.claimId}?wait=10s`);
  }
  if (claim.status === 'rejected') return { kind: 'refused', format: body.format, errors: claim.errors ?? [] };
  return { kind: 'checked', format: body.format, duplicate: first.status === 'duplicate', claim };
}
