import {
  completeValidation,
  editCodesOf,
  editsOf,
  notCheckedOfFindings,
  predictsDeniedLine,
  type Claim,
  type Edit,
  type ValidationFindings,
} from '@claimflow/domain';
import type { ClaimPricedV1, ClaimValidatedV1 } from './claim-messages';
import type { ClaimPricedV2, ClaimValidatedV2 } from './compact-messages';
import { expandPricing } from './compact-results';

/** A claim's result whole, as the ledger stored every result before the compact form (and still stores a v1 message's). */
export type FullStoredResult = Partial<Pick<ClaimPricedV1, 'pricing'>> & Pick<ClaimPricedV1, 'validation'>;

/**
 * A claim's result as the ledger stores it from a v2 message: the findings (every edit a whole Edit, the
 * REFDATA_UNAVAILABLE warns included, so SQL over `validation.edits` reads what it read in a whole result) and the
 * pricing by line index. The rest of the whole result follows from these and the row's claim (readStoredResult).
 */
export interface CompactStoredResult {
  readonly form: 'compact';
  readonly validation: ValidationFindings;
  readonly pricing?: ClaimPricedV2['pricing'];
}

export type StoredResult = FullStoredResult | CompactStoredResult;

/**
 * The findings with their edits and notChecked entries whole (a v2 message leaves out the gap warns its notChecked
 * states, names edits by their facts and leaves out what completing gives back: family, stated release notes).
 */
const wholeFindings = ({ edits, notChecked, releases }: ValidationFindings): ValidationFindings => {
  const entries = notCheckedOfFindings(notChecked);
  return { edits: editsOf({ edits, notChecked: entries }), notChecked: entries, releases };
};

/**
 * What the ledger stores for a validated message: compact from v2 (no completing); a v1 message's whole result as
 * it came, since an earlier build's result need not be what completing its findings gives today.
 */
export function storedValidation(message: ClaimValidatedV1 | Pick<ClaimValidatedV2, 'type' | 'validation'>): StoredResult {
  if (message.type === 'ClaimValidated.v2') return { form: 'compact', validation: wholeFindings(message.validation) };
  return { validation: message.validation };
}

/** What the ledger stores for a priced message: compact from v2 (the pricing already by line index), whole from v1. */
export function storedPricing(message: ClaimPricedV1 | ClaimPricedV2): StoredResult {
  if (message.type === 'ClaimPriced.v2')
    return { form: 'compact', validation: wholeFindings(message.validation), pricing: message.pricing };
  return { validation: message.validation, pricing: message.pricing };
}

/** Whether a stored result (an object) is in the compact form. */
export const isCompactStored = (stored: object): stored is CompactStoredResult => (stored as { form?: unknown }).form === 'compact';

/**
 * The one reader of the ledger's `result`: the whole result (validation and, once priced, pricing) exactly as the
 * ledger stored it before the compact form, from either form and the row's claim (the claim the result is of); equal
 * as JSON, its keys in the order completing builds them (not jsonb's: putting them in that order cost ~44 us a claim
 * in the results relay, 1.6% of ingest's CPU in the pipeline bench). Undefined when nothing is stored.
 */
export function readStoredResult(stored: unknown, claim: unknown): FullStoredResult | undefined {
  if (stored === null || stored === undefined) return undefined;
  if (typeof stored !== 'object' || !isCompactStored(stored)) return stored as FullStoredResult;
  if (typeof claim !== 'object' || claim === null) throw new Error('a compact result is read with the claim it is of');
  const of = claim as Claim;
  const validation = completeValidation(of, stored.validation);
  return stored.pricing ? { validation, pricing: expandPricing(of, stored.pricing) } : { validation };
}

/** What the ledger's list filters read of a stored result (its columns edit_codes and denied). */
export interface StoredResultFacets {
  readonly editCodes: string[];
  readonly denied: boolean;
}

/**
 * The list facets of a result as stored, either form: the distinct codes of its edits (whole in both forms), and
 * whether a line is denied (a whole result says so line by line; a compact one by its deny edits, predictsDeniedLine).
 * A result is opaque to the lifecycle: one without such lists has no codes and no denied line, as the SQL functions
 * that computed these columns before read it (migration 20261206000000_claim_list).
 */
export function storedResultFacets(stored: StoredResult): StoredResultFacets {
  const validation: { edits?: unknown; lines?: unknown } | undefined = stored.validation;
  const edits = Array.isArray(validation?.edits) ? (validation.edits as Edit[]) : [];
  if (isCompactStored(stored)) return { editCodes: editCodesOf(edits), denied: predictsDeniedLine(edits) };
  const lines: unknown[] = Array.isArray(validation?.lines) ? validation.lines : [];
  return { editCodes: editCodesOf(edits), denied: lines.some((l) => (l as { denied?: unknown } | null)?.denied === true) };
}
