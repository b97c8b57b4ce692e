/**
 * Modifiers accepted on a claim line: CPT Level I modifiers in current use and the HCPCS Level II
 * modifiers Medicare claims commonly carry. Level II rows follow CMS's HCPCS alpha-numeric file
 * (HCPC2026_OCT_ANWEB, RECID 7). A modifier missing here is reported as MODIFIER_UNKNOWN, so add
 * rows rather than loosening the check.
 */
const CPT_LEVEL_I = [
  '22', '23', '24', '25', '26', '27', '32', '33', '47', '50', '51', '52', '53', '54', '55', '56', '57', '58', '59',
  '62', '63', '66', '73', '74', '76', '77', '78', '79', '80', '81', '82', '90', '91', '92', '93', '95', '96', '97', '99',
];

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const ANATOMIC = [
  'LT', 'RT', ...range('E', 1, 4), 'FA', ...range('F', 1, 9), 'TA', ...range('T', 1, 9), 'LC', 'LD', 'LM', 'RC', 'RI',
];

/** Rows of the HCPCS Level II file excerpt (A1-AW, CP, GD, JF, JG, L1). */
const HCPCS_FILE_EXCERPT = [
  ...range('A', 1, 9), 'AA', 'AB', 'AC', 'AD', 'AE', 'AF', 'AG', 'AH', 'AI', 'AJ', 'AK', 'AM', 'AO', 'AP', 'AQ',
  'AR', 'AS', 'AT', 'AU', 'AV', 'AW', 'CP', 'GD', 'JF', 'JG', 'L1',
];

const HCPCS_LEVEL_II = [
  'TC', 'XE', 'XP', 'XS', 'XU',
  // Liability notices, telehealth, teaching physician, therapy plans.
  'GA', 'GC', 'GE', 'GG', 'GJ', 'GK', 'GL', 'GN', 'GO', 'GP', 'GQ', 'GR', 'GT', 'GU', 'GV', 'GW', 'GX', 'GY', 'GZ',
  'G0', 'G8', 'G9', 'FQ', 'FR', 'FT', 'FX', 'FY', 'CR', 'CS', 'CO', 'CQ',
  // Substitute billing, CLIA waived tests, anesthesia medical direction.
  'Q5', 'Q6', 'QW', 'QK', 'QS', 'QX', 'QY', 'QZ', 'Q0', 'Q1',
  'KX', 'KP', 'KQ', 'KS', 'KH', 'KI', 'KJ', 'NU', 'RR', 'UE', 'JW', 'JZ', 'JA', 'JB',
  'PD', 'PI', 'PN', 'PO', 'PS', 'PT', 'SA', 'SB', 'SL', 'SU', 'SS', 'ET', 'EY', 'CG', 'CT', 'FS',
  'MA', 'MB', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'XX',
];

export const KNOWN_MODIFIERS: ReadonlySet<string> = new Set([...CPT_LEVEL_I, ...ANATOMIC, ...HCPCS_FILE_EXCERPT, ...HCPCS_LEVEL_II]);

export function isKnownModifier(modifier: string): boolean {
  return KNOWN_MODIFIERS.has(modifier);
}
