// The validator's answer, typed from the contract its OpenAPI document is generated from.
import type { CheckClaimAnswer, FieldError } from '@claimflow/contracts';
import { errorFrom, post } from '../../api';

/** One claim as the validator's stateless check answers it. */
export type ClaimView = CheckClaimAnswer['claims'][number];

export type CheckOutcome =
  | { readonly kind: 'checked'; readonly format: string; readonly claim: ClaimView }
  | { readonly kind: 'refused'; readonly format: string | null; readonly errors: readonly FieldError[] };

/** The content type the check reads this text as: X12 starts with ISA, FHIR names its resourceType. */
export function contentTypeOf(text: string): string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('ISA')) return 'application/edi-x12';
  return /"resourceType"\s*:/.test(head.slice(0, 2000)) ? 'application/fhir+json' : 'application/json';
}

/**
 * The stateless check (validator and pricer rules, in one call): nothing the visitor types is stored
 * or sent down the claim pipeline, and no key is needed.
 */
export async function checkClaim(text: string): Promise<CheckOutcome> {
  const { status, body } = await post<CheckClaimAnswer>('/api/validator/v1/check', text, { 'content-type': contentTypeOf(text) });
  if (status >= 400 && (!body || typeof body !== 'object' || !('claims' in body))) throw errorFrom(status, body);
  const first = body.claims[0];
  if (!first) return { kind: 'refused', format: body.format, errors: [...body.errors, ...(body.rejected[0]?.errors ?? [])] };
  return { kind: 'checked', format: body.format, claim: first };
}
