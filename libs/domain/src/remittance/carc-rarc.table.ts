import type { AdjustmentGroup } from '../x12/remit-835.types';

/** CAS01 group codes: who carries the adjusted amount. Meanings in our own words. */
export const ADJUSTMENT_GROUP_MEANINGS: Readonly<Record<AdjustmentGroup, string>> = {
  CO: 'contractual obligation: the provider writes it off and may not bill the patient',
  CR: 'correction or reversal of an earlier adjudication',
  OA: 'other adjustment: neither the provider nor the patient is held to it',
  PI: 'payer-initiated reduction the provider is not contractually bound to',
  PR: 'patient responsibility: the patient (or a secondary payer) owes it',
};

/**
 * Meanings of the claim adjustment reason codes (CARC) most seen on professional Medicare and
 * commercial remittances, in our own words; the X12 code list is the authority for the rest.
 */
export const CARC_MEANINGS: Readonly<Record<string, string>> = {
  '1': 'deductible amount',
  '2': 'coinsurance amount',
  '3': 'co-payment amount',
  '4': 'the procedure code is inconsistent with the modifier, or a required modifier is missing',
  '5': 'the procedure code or bill type is inconsistent with the place of service',
  '6': "the procedure or revenue code is inconsistent with the patient's age",
  '11': 'the diagnosis is inconsistent with the procedure',
  '16': 'the claim or service lacks information or has submission/billing errors needed to adjudicate it',
  '18': 'exact duplicate claim or service',
  '22': 'this care may be covered by another payer (coordination of benefits)',
  '23': 'the impact of prior payer adjudication, including payments and adjustments',
  '24': 'charges are covered under a capitation agreement or managed care plan',
  '26': 'expenses incurred before coverage began',
  '27': 'expenses incurred after coverage ended',
  '29': 'the time limit for filing has expired',
  '31': 'the patient cannot be identified as an insured of this payer',
  '45': 'the charge exceeds the fee schedule or maximum allowable amount',
  '50': 'the payer does not consider these services medically necessary',
  '59': 'processed under multiple or concurrent procedure rules (reduced)',
  '94': 'processed in excess of charges',
  '96': 'non-covered charges',
  '97': 'the benefit for this service is included in the payment for another service already adjudicated (bundled)',
  '109': 'not covered by this payer or contractor; send the claim to the right one',
  '119': 'the benefit maximum for this period or occurrence has been reached',
  '146': 'the diagnosis was invalid for the date of service',
  '151': 'the information given does not support this many services or this many units',
  '167': 'the diagnosis is not covered',
  '181': 'the procedure code was invalid on the date of service',
  '182': 'the modifier was invalid on the date of service',
  '189': "a 'not otherwise classified' code was billed when a specific code exists",
  '197': 'precertification, authorization or notification was absent',
  '204': "the service is not covered under the patient's current benefit plan",
  '234': 'this procedure is not paid separately',
  '236': 'this procedure, or this combination of procedures and modifiers, is not compatible with another procedure on the same day',
  '252': 'an attachment or other documentation is required to adjudicate the claim',
  '253': 'sequestration: the federal reduction of Medicare payments',
  B7: 'the provider was not certified or eligible to be paid for this procedure on this date',
  B15: 'this service requires a qualifying service or procedure that was not paid',
};

/** Remittance advice remark codes (RARC) most seen beside the CARCs above, in our own words. */
export const RARC_MEANINGS: Readonly<Record<string, string>> = {
  M15: 'separately billed services or tests were bundled: they are part of another service',
  M20: 'the HCPCS code is missing, incomplete or invalid',
  M51: 'the procedure code is missing, incomplete or invalid',
  M76: 'the diagnosis is missing, incomplete or invalid',
  M80: 'not covered when performed in the same session or on the same date as another approved procedure',
  M86: 'denied because payment was already made for the same or a similar procedure within a set time frame',
  M127: "the patient's medical record for this service is missing",
  MA01: 'the notice of appeal rights: if you disagree, you may appeal in writing within the time limit',
  MA04: 'secondary payment cannot be considered without the primary payer identity or payment information',
  MA18: 'the claim information was also forwarded to the patient’s supplemental insurer',
  MA130: 'the claim has incomplete or invalid information and no appeal rights: correct it and submit a new claim',
  N20: 'the service is not paid in addition to another service rendered on the same date',
  N29: 'documentation, orders, notes, a summary, report or chart is missing',
  N115: 'the decision followed a local coverage determination (LCD)',
  N122: 'an add-on code cannot be billed by itself',
  N130: "consult the plan's benefit documents or guidelines for coverage information",
  N290: 'the rendering provider identifier is missing, incomplete or invalid',
  N362: 'the number of days or units exceeds what is acceptable for this service (a medically unlikely edit)',
  N386: 'the decision followed a national coverage determination (NCD)',
  N519: 'invalid combination of HCPCS modifiers',
  N657: 'this should be billed with the code that fits these services',
};

/** CLP02 claim status codes of 005010X221A1. */
export const CLAIM_STATUS_MEANINGS: Readonly<Record<string, string>> = {
  '1': 'processed as primary',
  '2': 'processed as secondary',
  '3': 'processed as tertiary',
  '4': 'denied',
  '19': 'processed as primary, forwarded to another payer',
  '20': 'processed as secondary, forwarded to another payer',
  '21': 'processed as tertiary, forwarded to another payer',
  '22': 'reversal of a previous payment',
  '23': 'not our claim, forwarded to another payer',
  '25': 'predetermination pricing only, no payment',
};

/** "CO-97: contractual obligation; ... bundled", or the bare code when we hold no meaning for it. */
export function describeCarc(group: string, reason: string): string {
  const meaning = CARC_MEANINGS[reason];
  return meaning ? `${group}-${reason}: ${meaning}` : `${group}-${reason}`;
}

export function describeRarc(code: string): string {
  const meaning = RARC_MEANINGS[code];
  return meaning ? `${code}: ${meaning}` : code;
}
