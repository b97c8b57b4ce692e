import {
  completeValidation,
  editCodesOf,
  editFactsOf,
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
 * A claim's result as the ledger stores it from a v2 message: the findings as the message carries them (its edits
 * named by their facts, the REFDATA_UNAVAILABLE warns its notChecked states left out) and the pricing by line index.
 * The rest of the whole result follows from these and the row's claim (readStoredResult). Rows an earlier build
 * wrote in this form hold every edit whole, the gap warns included: the readers below read both alike.
 */
export interface CompactStoredResult {
  readonly form: 'compact';
  readonly validation: ValidationFindings;
  readonly pricing?: ClaimPricedV2['pricing'];
}

export type StoredResult = FullStoredResult | CompactStoredResult;

/**
 * What the ledger stores for a validated message: the findings of a v2 message as they came (completing them
 * once, for every edit's prose, doubled the bytes Postgres parsed and stored: measured in issue 30, an UPDATE of a
 * 5.4 KB result cost Postgres 60 us a row to parse alone); a v1 message's whole result as it came, since an earlier
 * build's result need not be what completing its findings gives today.
 */
export function storedValidation(message: ClaimValidatedV1 | Pick<ClaimValidatedV2, 'type' | 'validation'>): StoredResult {
  if (message.type === 'ClaimValidated.v2') return { form: 'compact', validation: message.validation };
  return { validation: message.validation };
}

/** What the ledger stores for a priced message: compact from v2 (the pricing already by line index), whole from v1. */
export function storedPricing(message: ClaimPricedV1 | ClaimPricedV2): StoredResult {
  if (message.type === 'ClaimPriced.v2') return { form: 'compact', validation: message.validation, pricing: message.pricing };
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

/** An edit as the list facets and the payer-outcome view read it. */
export type StoredEditFacts = Pick<Edit, 'code' | 'severity' | 'lines'>;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const objects = <T>(value: unknown): T[] => list(value).filter((v): v is T => typeof v === 'object' && v !== null);

/**
 * The edits of a compact stored result as its whole result lists them (editFactsOf: the gap warns its notChecked
 * states first, unless it holds them), as far as code, severity and lines; no prose written. Undefined for a result
 * stored whole, whose `validation.edits` are its edits.
 */
export function compactStoredEdits(stored: unknown): readonly StoredEditFacts[] | undefined {
  if (typeof stored !== 'object' || stored === null || !isCompactStored(stored)) return undefined;
  const validation: { edits?: unknown; notChecked?: unknown } | undefined = stored.validation;
  return editFactsOf({ edits: objects(validation?.edits), notChecked: objects(validation?.notChecked) });
}

/**
 * The list facets of a result as stored, either form: the distinct codes of its edits as its whole result lists
 * them, and whether a line is denied (a whole result says so line by line; a compact one by its deny edits,
 * predictsDeniedLine). A result is opaque to the lifecycle: one without such lists has no codes and no denied line,
 * as the SQL functions that computed these columns before read it (migration 20261206000000_claim_list).
 */
export function storedResultFacets(stored: StoredResult): StoredResultFacets {
  const compact = compactStoredEdits(stored);
  if (compact) return { editCodes: editCodesOf(compact), denied: predictsDeniedLine(compact) };
  const validation: { edits?: unknown; lines?: unknown } | undefined = stored.validation;
  const edits = list(validation?.edits) as Edit[];
  return {
    editCodes: editCodesOf(edits),
    denied: list(validation?.lines).some((l) => (l as { denied?: unknown } | null)?.denied === true),
  };
}
