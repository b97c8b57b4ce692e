import type { FixAction } from '../edit';

/** What an MPFS status code means for payment (PPRRVU record layout, "Status Code"). */
export interface StatusMeaning {
  readonly payable: boolean;
  /** Plain-language meaning, used in messages. */
  readonly meaning: string;
  readonly instead: string;
  readonly action: FixAction;
  readonly deleted?: boolean;
}

const payable = (meaning: string): StatusMeaning => ({ payable: true, meaning, instead: '', action: 'none' });

export const STATUS_CODES: Readonly<Record<string, StatusMeaning>> = {
  A: payable('active code, paid under the physician fee schedule'),
  R: payable('restricted coverage: special coverage instructions apply and, if covered, it is carrier priced'),
  C: payable('carrier priced: the MAC sets the payment'),
  // J: no RVUs, but paid under the anesthesia fee schedule (base + time units x anesthesia CF).
  J: payable('anesthesia service, paid under the anesthesia fee schedule'),
  T: payable('injection paid only when no other fee-schedule service is billed that day by the same provider'),
  B: {
    payable: false,
    meaning: 'bundled: Medicare never pays it separately, payment is included in the other services',
    instead: 'Do not bill it separately; its payment is included in the related service.',
    action: 'remove-line',
  },
  P: {
    payable: false,
    meaning: 'bundled or excluded: no payment under the physician fee schedule',
    instead: 'Bill it only as part of the service it belongs to (or as incident-to supplies where allowed).',
    action: 'remove-line',
  },
  I: {
    payable: false,
    meaning: 'not valid for Medicare purposes: Medicare uses another code for this service',
    instead: 'Report the HCPCS code Medicare recognizes for this service (often a G code).',
    action: 'replace-code',
  },
  N: {
    payable: false,
    meaning: 'non-covered by Medicare',
    instead: 'Medicare will deny it; with a signed ABN append GA, otherwise GY/GZ as appropriate, and bill the patient.',
    action: 'none',
  },
  X: {
    payable: false,
    meaning: 'statutory exclusion: not a physician service, so never paid under the physician fee schedule (labs, ambulance and the like have their own fee schedules)',
    instead: 'Bill it under the fee schedule that pays it (lab, DMEPOS, ambulance...) or to the patient with GY.',
    action: 'none',
  },
  E: {
    payable: false,
    meaning: 'excluded from the physician fee schedule by regulation',
    instead: 'It is not paid under the physician fee schedule; check which Medicare payment system covers it.',
    action: 'none',
  },
  M: {
    payable: false,
    meaning: 'measurement (quality reporting) code: reported for MIPS, never paid',
    instead: 'Report it with a zero or nominal charge; it carries no payment.',
    action: 'none',
  },
  D: { payable: false, meaning: 'deleted at the start of the year', instead: 'Use the code that replaced it.', action: 'replace-code', deleted: true },
  F: { payable: false, meaning: 'deleted or discontinued (no grace period)', instead: 'Use the current code.', action: 'replace-code', deleted: true },
  G: { payable: false, meaning: 'not valid for Medicare: another code is used (grace period ended)', instead: 'Use the code Medicare recognizes.', action: 'replace-code' },
  H: { payable: false, meaning: 'deleted modifier for this code', instead: 'Bill the code without the deleted modifier.', action: 'none' },
};
