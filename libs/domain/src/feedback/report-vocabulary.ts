import { PLACE_OF_SERVICE_CODES } from '../claim/place-of-service.table';
import type { EditCode } from '../validation/edit';

/** States, DC and the territories Medicare pays in. */
export const US_STATES = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
  'PR',
  'VI',
  'GU',
  'AS',
  'MP',
] as const;

/** A/B MAC jurisdictions (and the four DME MAC ones). */
export const MAC_JURISDICTIONS = ['J5', 'J6', 'J8', 'J15', 'JE', 'JF', 'JH', 'JJ', 'JK', 'JL', 'JM', 'JN', 'JA', 'JB', 'JC', 'JD'] as const;

/** CMS place-of-service codes currently assigned: the domain's one list, read as a set of codes. */
export const POS_CODES: ReadonlySet<string> = new Set(PLACE_OF_SERVICE_CODES.keys());

export const FEEDBACK_PAYER_TYPES = ['medicare-part-b', 'medicare-advantage', 'medicaid', 'commercial'] as const;
export type FeedbackPayerType = (typeof FEEDBACK_PAYER_TYPES)[number];

export const APPEAL_OUTCOMES = ['overturned', 'upheld', 'pending'] as const;
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/**
 * Claim adjustment reason: group code (CO, PR, OA, PI) + reason code. Numeric reasons run 1-299
 * today; the lettered series are A0-A8, B1-B23, P1-P32, W1-W9, Y1-Y3.
 */
export const CARC_PATTERN = /^(CO|PR|OA|PI)-([1-9]\d{0,2}|A[0-8]|B([1-9]|1\d|2[0-3])|P([1-9]|[12]\d|3[0-2])|W[1-9]|Y[1-3])$/;
const CARC_MAX_NUMERIC = 299;

export function isKnownCarc(value: string): boolean {
  const m = CARC_PATTERN.exec(value);
  if (!m) return false;
  const reason = m[2];
  return !/^\d+$/.test(reason) || Number(reason) <= CARC_MAX_NUMERIC;
}

/** Remittance advice remark codes: M1-M144, MA01-MA130, N1-N9999 series. */
export const RARC_PATTERN = /^(M[1-9]\d{0,2}|MA\d{2,3}|N[1-9]\d{0,3})$/;

export const CLAIMFLOW_EDIT_CODES = [
  'CODE_UNKNOWN',
  'CODE_DELETED',
  'CODE_NOT_PAYABLE',
  'PTP_BUNDLED',
  'MUE_EXCEEDED',
  'ADDON_WITHOUT_PRIMARY',
  'ADDON_MODIFIER_51',
  'GUIDANCE_INCLUDED',
  'PCTC_MODIFIER',
  'FACILITY_PACKAGED',
  'DOCUMENTATION',
  'REFDATA_UNAVAILABLE',
  'MODIFIER_INVALID',
] as const satisfies readonly EditCode[];

// Fails to compile if EditCode gains a member the list above lacks.
type MissingEditCodes = Exclude<EditCode, (typeof CLAIMFLOW_EDIT_CODES)[number]>;
const editCodesComplete: [MissingEditCodes] extends [never] ? true : false = true;
void editCodesComplete;
