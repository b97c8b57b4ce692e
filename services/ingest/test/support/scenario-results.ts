import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClaimPricedV2, ClaimValidatedV2, compactPricing, type CompactStoredResult } from '@claimflow/contracts';
import {
  ClaimPricer,
  editsOf,
  findingsOf,
  notCheckedOfFindings,
  normalizeClaim,
  validateClaim,
  validationInputOf,
  type Claim,
  type RefDataCatalog,
  type RefdataFallback,
} from '@claimflow/domain';

const SCENARIOS = join(__dirname, '../../../../libs/domain/src/intake/__fixtures__/scenarios');

/** The demo scenarios (libs/domain intake fixtures), by file name. */
export const DEMO_SCENARIOS = readdirSync(SCENARIOS).filter((f) => f.endsWith('.json'));

/** A value as it comes back from JSON (a message on the wire, a jsonb column). */
export const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A demo claim normalized as intake does it. */
export function scenarioClaim(file: string, claimId = 'STORED-1'): Claim {
  const claim = normalizeClaim(JSON.parse(readFileSync(join(SCENARIOS, file), 'utf8')), { claimId });
  if (!claim.ok) throw new Error(`${file} does not normalize`);
  return claim.value;
}

/**
 * The v2 messages the validator and the pricer send for a claim, with shipped reference data, as ingest reads them
 * (through JSON and the wire schemas), and validateClaim's own result.
 */
export function pipelineMessages(claim: Claim, catalog: RefDataCatalog, refdataFallback: RefdataFallback) {
  const result = validateClaim(claim, catalog, { refdataFallback });
  const findings = findingsOf(result);
  const validated = ClaimValidatedV2.parse(wire({ type: 'ClaimValidated.v2', claim, validation: findings }));
  const priced = new ClaimPricer(catalog, { refdataFallback, allowNational: false }).price(claim, validationInputOf(claim, findings));
  const pricing = priced.ok
    ? { kind: 'priced' as const, ...priced.value }
    : { kind: 'failed' as const, code: priced.error.code, message: priced.error.message };
  const body = { type: 'ClaimPriced.v2', claimId: claim.claimId, validation: findings, pricing: compactPricing(claim, pricing) };
  return { result, pricing, validated, priced: ClaimPricedV2.parse(wire(body)) };
}

/** A compact stored result as the builds before 2026-12-07 wrote it: every edit whole, the gap warns included. */
export function earlierCompact<T extends CompactStoredResult>(stored: T): T {
  const { edits, releases } = stored.validation;
  const notChecked = notCheckedOfFindings(stored.validation.notChecked);
  return { ...stored, validation: { edits: editsOf({ edits, notChecked }), notChecked, releases } };
}
