// The validator's answer, typed from the contract its OpenAPI document is generated from.
import type { CheckClaimAnswer, FieldError } from '@claimflow/contracts';
import { errorFrom, post } from '../../api';

/** One claim as the validator's stateless check answers it. */
export type ClaimView = CheckClaimAnswer['claims'][number];
export type RejectedView = CheckClaimAnswer['rejected'][number];

/** One claim of the file, at its place in the file (1-based): checked, or refused with its errors. */
export type BatchEntry =
  | { readonly kind: 'checked'; readonly position: number; readonly claim: ClaimView }
  | { readonly kind: 'rejected'; readonly position: number; readonly rejected: RejectedView };

/** Every claim the check answered, in file order, and the problems of the file as a whole. */
export interface BatchOutcome {
  readonly format: CheckClaimAnswer['format'];
  readonly entries: readonly BatchEntry[];
  readonly errors: readonly FieldError[];
}

/** The content type the check reads this text as: X12 starts with ISA, FHIR names its resourceType. */
export function contentTypeOf(text: string): string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('ISA')) return 'application/edi-x12';
  return /"resourceType"\s*:/.test(head.slice(0, 2000)) ? 'application/fhir+json' : 'application/json';
}

/**
 * The answer's checked and refused claims back in file order: refused ones carry their index, and the
 * checked ones, answered in order, fill the places in between.
 */
export function entriesOf(answer: Pick<CheckClaimAnswer, 'claims' | 'rejected'>): BatchEntry[] {
  const taken = new Set(answer.rejected.map((r) => r.index));
  const entries: BatchEntry[] = answer.rejected.map((r) => ({ kind: 'rejected', position: r.index + 1, rejected: r }));
  let index = 0;
  for (const claim of answer.claims) {
    while (taken.has(index)) index++;
    entries.push({ kind: 'checked', position: ++index, claim });
  }
  return entries.sort((a, b) => a.position - b.position);
}

/**
 * The stateless check (validator and pricer rules, in one call): nothing the visitor types is stored
 * or sent down the claim pipeline, and no key is needed. Every claim of a batch comes back.
 */
export async function checkClaim(text: string): Promise<BatchOutcome> {
  const { status, body } = await post<CheckClaimAnswer>('/api/validator/v1/check', text, { 'content-type': contentTypeOf(text) });
  if (status >= 400 && (!body || typeof body !== 'object' || !('claims' in body))) throw errorFrom(status, body);
  return { format: body.format, entries: entriesOf(body), errors: body.errors };
}
