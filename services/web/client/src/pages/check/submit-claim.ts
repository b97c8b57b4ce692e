import type { ClaimPricedV1, FieldError } from '@claimflow/contracts';
import type { ValidationResult } from '@claimflow/domain';
import { ApiError, errorFrom, getJson, post } from '../../api';

type ClaimStatus = 'received' | 'normalized' | 'validated' | 'priced' | 'rejected';

/** GET /v1/claims/{id} as the ingest service answers it (the parts this page reads). */
export interface ClaimView {
  readonly claimId: string;
  readonly submitterClaimId: string;
  readonly format: string;
  readonly status: ClaimStatus;
  readonly result?: { readonly validation: ValidationResult; readonly pricing?: ClaimPricedV1['pricing'] };
  readonly errors?: readonly FieldError[];
}

interface IngestAnswer {
  readonly format: string;
  readonly claims: readonly { claimId: string; submitterClaimId: string; status: 'accepted' | 'duplicate'; result?: ClaimView }[];
  readonly rejected: readonly { index: number; submitterClaimId?: string; errors: readonly FieldError[] }[];
  readonly errors: readonly FieldError[];
}

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
  const { status, body } = await post<IngestAnswer>('/api/ingest/v1/claims?wait=10s', text, {
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
