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

export function firstIn(modifiers: readonly string[], set: ReadonlySet<string>): string | undefined {
  for (let i = 0; i < modifiers.length; i++) if (set.has(modifiers[i])) return modifiers[i];
  return undefined;
}

export function hasModifier(modifiers: readonly string[], modifier: string): boolean {
  for (let i = 0; i < modifiers.length; i++) if (modifiers[i] === modifier) return true;
  return false;
}
