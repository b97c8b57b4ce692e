/**
 * Claim status codes of the 277CA (005010X214 STC01): a category (code list 507) and a status (code list 508), with
 * the entity the status names when the code requires one. Categories used: A1 acknowledgement/receipt, A2 acceptance
 * into the adjudication system, A3 returned as unprocessable claim, A6 rejected for missing information, A7 rejected
 * for invalid information. Statuses used (508): 19 entity acknowledges receipt, 20 accepted for processing, 21 missing
 * or invalid information, 187 date(s) of service, 247 line information, 249 place of service, 254 principal diagnosis
 * code, 255 diagnosis code, 400 claim is out of balance, 453 procedure code modifier(s), 454 procedure code, 476
 * missing or invalid units of service, 477 diagnosis code pointer, 480 entity's claim filing indicator, 481
 * claim/submission format is invalid, 500 entity's postal/zip code, 535 claim frequency code, 538 claim or encounter
 * identifier, 562 entity's NPI, 583 line item charge amount, 684 rejected, syntax error noted for this claim (see the
 * 999). Entities: 77 service location, 82 rendering provider, 85 billing provider, AY clearinghouse, PR payer.
 */
export interface ClaimStatus {
  readonly category: 'A1' | 'A2' | 'A3' | 'A6' | 'A7';
  readonly status: string;
  readonly entity?: string;
}

/** Why a claim was rejected, as the ledger records it: a stable code and, for field problems, the canonical path. */
export interface ClaimRejectionReason {
  readonly code: string;
  readonly path?: string;
}

export const ACCEPTED_FOR_PROCESSING: ClaimStatus = { category: 'A2', status: '20' };
export const RECEIPT_BY_CLEARINGHOUSE: ClaimStatus = { category: 'A1', status: '19', entity: 'AY' };
const UNPROCESSABLE: ClaimStatus = { category: 'A3', status: '21' };

const FIELD_STATUS: ReadonlyArray<readonly [RegExp, string, string?]> = [
  [/^billingProvider(\.npi)?$/, '562', '85'],
  [/^billingProvider\.zip$/, '500', '85'],
  [/^(lines\[\d+\]\.)?renderingProviderNpi$/, '562', '82'],
  [/^serviceFacility\.npi$/, '562', '77'],
  [/^serviceFacility\.zip$/, '500', '77'],
  [/^lines\[\d+\]\.code$/, '454'],
  [/^lines\[\d+\]\.modifiers/, '453'],
  [/^lines\[\d+\]\.units$/, '476'],
  [/^lines\[\d+\]\.charge$/, '583'],
  [/^lines\[\d+\]\.dateOfService$/, '187'],
  [/^(lines\[\d+\]\.)?placeOfService$/, '249'],
  [/^lines\[\d+\]\.diagnosisPointers/, '477'],
  [/^lines(\[\d+\](\.lineNumber)?)?$/, '247'],
  [/^diagnoses\[0\]$/, '254'],
  [/^diagnoses/, '255'],
  [/^frequencyCode$/, '535'],
  [/^submitterClaimId$/, '538'],
  [/^payer\.type$/, '480', 'PR'],
];

/** Reasons that say the same whatever field they name. */
const CODE_STATUS: Readonly<Record<string, ClaimStatus>> = {
  X12_TOTAL_MISMATCH: { category: 'A7', status: '400' },
  X12_INTERCHANGE_REFUSED: { category: 'A3', status: '481' },
  X12_SEGMENT_INVALID: { category: 'A3', status: '684' },
  X12_SEGMENT_UNEXPECTED: { category: 'A3', status: '684' },
  ENCODING_INVALID: { category: 'A3', status: '481' },
  NUL_CHARACTER: { category: 'A3', status: '481' },
  JSON_MALFORMED: { category: 'A3', status: '481' },
  SCHEMA: { category: 'A3', status: '481' },
  FIELD_UNKNOWN: { category: 'A3', status: '481' },
  NOTHING_TO_VOID: { category: 'A7', status: '535' },
  CODE_UNKNOWN: { category: 'A7', status: '454' },
  CODE_DELETED: { category: 'A7', status: '454' },
  CODE_NOT_IN_EXCERPT: { category: 'A3', status: '454' },
};

/** Not a reason of its own: the count of problems a capped list left out. */
const NOT_A_REASON = new Set(['TOO_MANY_ERRORS']);

/** STC01 for one rejection reason: its code first, then the field it names, else unprocessable (A3:21). */
export function claimStatusOf(reason: ClaimRejectionReason): ClaimStatus {
  const byCode = CODE_STATUS[reason.code];
  if (byCode) return byCode;
  const field = reason.path ? FIELD_STATUS.find(([pattern]) => pattern.test(reason.path!)) : undefined;
  if (!field) return UNPROCESSABLE;
  const [, status, entity] = field;
  return { category: reason.code === 'REQUIRED' ? 'A6' : 'A7', status, ...(entity ? { entity } : {}) };
}

/** The distinct statuses of a rejected claim, in the order of its reasons; A3:21 when none says more. */
export function rejectionStatuses(reasons: readonly ClaimRejectionReason[]): ClaimStatus[] {
  const seen = new Map<string, ClaimStatus>();
  for (const reason of reasons) {
    if (NOT_A_REASON.has(reason.code)) continue;
    const s = claimStatusOf(reason);
    seen.set(claimStatusComposite(s), s);
  }
  return seen.size ? [...seen.values()] : [UNPROCESSABLE];
}

/** STC01 as written: category:status[:entity]. */
export function claimStatusComposite(s: ClaimStatus): string {
  return [s.category, s.status, ...(s.entity ? [s.entity] : [])].join(':');
}
