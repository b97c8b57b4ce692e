/** NCCI-associated modifiers (NCCI Policy Manual ch. I §E): the only ones that can bypass an indicator-1 PTP edit. */
const anatomic = ['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'];
const toes = ['TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'];
const sides = ['LT', 'RT', 'LC', 'LD', 'LM', 'RC', 'RI'];
const global = ['24', '25', '57', '58', '78', '79'];

export const NCCI_PTP_MODIFIERS: ReadonlySet<string> = new Set([
  '59',
  'XE',
  'XS',
  'XP',
  'XU',
  ...anatomic,
  ...toes,
  ...sides,
  ...global,
  '27',
  '91',
]);

/** 59 and its X{EPSU} subsets: claimed distinct-service modifiers. */
export const DISTINCT_SERVICE_MODIFIERS: ReadonlySet<string> = new Set(['59', 'XE', 'XS', 'XP', 'XU']);

/** Eyelids, fingers, toes, sides and coronary arteries: a different anatomic site. */
export const ANATOMIC_MODIFIERS: ReadonlySet<string> = new Set([...anatomic, ...toes, ...sides]);

/**
 * The families of NCCI-associated modifiers, each with its own meaning (NCCI Policy Manual ch. I §D and §E):
 * distinct (59, X{EPSU}) and anatomic for procedures; 25, 57, 24 and 27 for E&M services; 58/78/79 for procedures in a
 * postoperative period; 91 for a repeated clinical laboratory test.
 */
export type ModifierFamily =
  'distinct' | 'anatomic' | 'em-separate' | 'em-decision' | 'em-postop' | 'em-hospital' | 'postop' | 'repeat-lab';

export function modifierFamily(modifier: string): ModifierFamily | undefined {
  if (DISTINCT_SERVICE_MODIFIERS.has(modifier)) return 'distinct';
  if (ANATOMIC_MODIFIERS.has(modifier)) return 'anatomic';
  switch (modifier) {
    case '25':
      return 'em-separate';
    case '57':
      return 'em-decision';
    case '24':
      return 'em-postop';
    case '27':
      return 'em-hospital';
    case '58':
    case '78':
    case '79':
      return 'postop';
    case '91':
      return 'repeat-lab';
    default:
      return undefined;
  }
}

/** What a distinct-service modifier claims, in words. */
export const DISTINCT_MEANING: Readonly<Record<string, string>> = {
  '59': 'different site, session, or encounter',
  XE: 'a separate encounter',
  XS: 'a separate organ or structure',
  XP: 'a different practitioner',
  XU: 'an unusual service that does not overlap the usual components of the other',
};

/**
 * Evaluation and management services: CPT 99202-99499 (99201 until its 2021 deletion) and G0463, the OPPS
 * hospital outpatient clinic visit (the E&M of hospital claims, where modifier 27 applies).
 */
export function isEmCode(code: string): boolean {
  if (code === 'G0463') return true;
  if (code.length !== 5 || code[0] !== '9' || code[1] !== '9') return false;
  const n = Number(code);
  return n >= 99201 && n <= 99499;
}

/** Clinical laboratory codes (CPT 80047-89398, and PLA codes ending in U), where modifier 91 may apply. */
export function isLabCode(code: string): boolean {
  return /^8\d{4}$/.test(code) || /^\d{4}U$/.test(code);
}

export function firstIn(modifiers: readonly string[], set: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < modifiers.length; i++) if (set.has(modifiers[i])) return modifiers[i];
  return undefined;
}

export function hasModifier(modifiers: readonly string[], modifier: string): boolean {
  for (let i = 0; i < modifiers.length; i++) if (modifiers[i] === modifier) return true;
  return false;
}
