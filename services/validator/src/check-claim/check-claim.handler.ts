import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ClaimPricer, decodeClaims, validateClaim, type Claim, type FieldError, type IntakeFormat } from '@claimflow/domain';
import { RefDataHolder } from '@claimflow/platform';

/** A public check reads at most this many claims: it is for one claim at a time, not batches. */
export const CHECK_MAX_CLAIMS = 10;

export interface CheckedClaim {
  readonly submitterClaimId: string;
  readonly status: 'priced';
  readonly claim: Claim;
  readonly result: { readonly validation: unknown; readonly pricing: unknown };
}

export interface CheckOutcome {
  readonly format: IntakeFormat;
  readonly claims: CheckedClaim[];
  readonly rejected: { readonly index: number; readonly submitterClaimId?: string; readonly errors: readonly FieldError[] }[];
  readonly errors: FieldError[];
}

const wire = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

/**
 * The stateless check: the claim is read, validated and priced here, exactly as the pipeline would,
 * and answered; nothing is written to the ledger and nothing goes on Kafka.
 */
@Injectable()
export class CheckClaimHandler {
  constructor(private readonly refdata: RefDataHolder) {}

  async check(format: IntakeFormat, payload: unknown): Promise<CheckOutcome> {
    const outcome: CheckOutcome = { format, claims: [], rejected: [], errors: [] };
    const catalog = this.refdata.current;
    const options = { refdataFallback: this.refdata.settings.fallback, allowNational: false };
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
        outcome.claims.push({
          submitterClaimId: claim.submitterClaimId,
          status: 'priced',
          claim,
          result: { validation: wire(validation), pricing },
        });
      }
    }
    return outcome;
  }
}
