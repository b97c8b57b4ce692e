import { randomUUID } from 'node:crypto';
import {
  capEdits,
  ClaimPricer,
  decodeClaims,
  validateClaim,
  type Claim,
  type FieldError,
  type IntakeFormat,
  type RefDataCatalog,
  type ReleaseSource,
} from '@claimflow/domain';

/**
 * A keyless check reads at most ten claims: the web check shows every claim of a small file (issue #27), while the
 * answer stays bounded by the per-claim edit cap (at most 10 x PUBLIC_CHECK_MAX_EDITS edits, each release's source
 * once) and the work runs in the check pool, never on the consumer's event loop. Larger batches go through ingest
 * with a key.
 */
export const CHECK_MAX_CLAIMS = 10;

export interface CheckedClaim {
  readonly submitterClaimId: string;
  readonly status: 'priced';
  readonly claim: Claim;
  readonly result: { readonly validation: unknown; readonly pricing: unknown };
  /** Edits found but not listed (the answer lists at most PUBLIC_CHECK_MAX_EDITS). */
  readonly editsOmitted: number;
}

export interface CheckOutcome {
  readonly format: IntakeFormat;
  readonly claims: CheckedClaim[];
  readonly rejected: { readonly index: number; readonly submitterClaimId?: string; readonly errors: readonly FieldError[] }[];
  readonly errors: FieldError[];
  /** Each release the listed edits draw on, once. */
  readonly sources: readonly ReleaseSource[];
}

export interface CheckSettings {
  readonly refdataFallback: 'strict' | 'latest';
}

const wire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

/**
 * The stateless check: the claim is read, validated and priced exactly as the pipeline would, and
 * answered with its edits capped; nothing is written and nothing goes on Kafka. Runs in a worker
 * thread of the check pool, never on the service's event loop.
 */
export async function runCheck(format: IntakeFormat, payload: unknown, catalog: RefDataCatalog, s: CheckSettings): Promise<CheckOutcome> {
  const outcome: CheckOutcome = { format, claims: [], rejected: [], errors: [], sources: [] };
  const sources = new Map<string, ReleaseSource>();
  const options = { refdataFallback: s.refdataFallback, allowNational: false };
  const pricer = new ClaimPricer(catalog, options);
  for await (const item of decodeClaims(format, payload, { newId: randomUUID, maxClaims: CHECK_MAX_CLAIMS })) {
    if ('submissionError' in item) outcome.errors.push(item.submissionError);
    else if (!item.result.ok)
      outcome.rejected.push({ index: item.index, submitterClaimId: item.submitterClaimId, errors: item.result.error });
    else {
      const claim = item.result.value;
      const validation = validateClaim(claim, catalog, options);
      const priced = pricer.price(claim, validation);
      const pricing = priced.ok
        ? { kind: 'priced', ...(wire(priced.value) as object) }
        : { kind: 'failed', code: priced.error.code, message: priced.error.message };
      const capped = capEdits(validation);
      outcome.claims.push({
        submitterClaimId: claim.submitterClaimId,
        status: 'priced',
        claim,
        result: { validation: wire(capped.validation), pricing },
        editsOmitted: capped.editsOmitted,
      });
      for (const source of capped.sources) if (!sources.has(source.release)) sources.set(source.release, source);
    }
  }
  // More than CHECK_MAX_CLAIMS: none is answered (not the first ten beside a refusal of the rest).
  if (outcome.errors.some((e) => e.code === 'TOO_MANY_CLAIMS')) return { ...outcome, claims: [], rejected: [] };
  return { ...outcome, sources: [...sources.values()] };
}
