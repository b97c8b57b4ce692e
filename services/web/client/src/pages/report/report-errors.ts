import { FREE_TEXT_MAX, type ReportFieldError } from '@claimflow/domain';
import { fieldOf } from './report-form';

/** The form's own label for each input an error can point at. */
const LABELS: Readonly<Record<string, string>> = {
  deniedCode: 'Denied code',
  placeOfService: 'Place of service',
  payerType: 'Payer',
  mac: 'MAC jurisdiction',
  state: 'State',
  denialMonth: 'Month of the denial',
  carc: 'Reason codes (CARC)',
  rarc: 'Remark codes (RARC)',
  whatHappened: 'What happened',
  appealFiled: 'Appeal',
  whatWorked: 'What worked',
  edits: 'ClaimFlow edits',
  form: 'Report',
};

const BILLED_PART = { code: 'Billed code', modifiers: 'Modifiers of billed code', units: 'Units of billed code' } as const;

/** The label a biller sees beside the input, never the report's field path. */
export function fieldLabel(id: string): string {
  const billed = /^billed-(\d+)-(code|modifiers|units)$/.exec(id);
  if (billed) return `${BILLED_PART[billed[2] as keyof typeof BILLED_PART]} ${Number(billed[1]) + 1}`;
  return LABELS[id] ?? 'Report';
}

/** What to do when a list's value is not one of its choices: the choices are in the list itself. */
const CHOOSE: Readonly<Record<string, string>> = {
  mac: 'Choose the MAC jurisdiction that processed the claim.',
  state: 'Choose the state the service was billed in.',
  payerType: 'Choose the payer from the list.',
  appealFiled: 'Choose the appeal level and outcome from the lists.',
  edits: 'Tick only edits from the list.',
};

/** Limits said per field when the schema's own message would be a raw "Too small/Too big". */
const SIZE: Readonly<Record<string, string>> = {
  carc: 'Enter at least one reason code, e.g. CO-97, and at most 10.',
  rarc: 'Enter at most 10 remark codes.',
  whatHappened: `Keep it under ${FREE_TEXT_MAX.toLocaleString('en-US')} characters.`,
  whatWorked: `Keep it under ${FREE_TEXT_MAX.toLocaleString('en-US')} characters.`,
  edits: 'Tick at most 20 edits.',
};

const sentence = (s: string) => {
  const t = s.trim();
  return t ? `${t[0].toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}` : t;
};

/** "expected one of "AL"|"AK"|…" as a list a person reads: AL, AK, … */
function choicesOf(message: string): string[] {
  return [...message.matchAll(/"([^"]*)"/g)].map((m) => m[1]).filter(Boolean);
}

/**
 * The error in a biller's words. Our own rules already speak plainly; the schema's generic messages ("Invalid
 * option: expected one of …", "Too small: expected array to have >=1 items") are said per field instead.
 */
export function humanMessage(error: ReportFieldError): string {
  const id = fieldOf(error.path);
  const generic = /^(Invalid input|Invalid option|Too small|Too big|Invalid)\b/.test(error.message);
  if (!generic) return sentence(error.message);
  if (error.path === 'billedCodes') return 'Add at least one billed code, and at most 50.';
  if (/^billed-\d+-units$/.test(id)) return 'Units must be a whole number from 1 to 999.';
  if (/^billed-\d+-modifiers$/.test(id)) return 'At most 4 modifiers, each of 2 letters or digits.';
  if (/^billed-\d+-code$/.test(id)) return 'Enter a 5-character CPT or HCPCS code.';
  if (error.code === 'VALUE_UNKNOWN' || error.message.startsWith('Invalid option')) {
    if (CHOOSE[id]) return CHOOSE[id];
    const choices = choicesOf(error.message);
    return choices.length ? `Use one of: ${choices.join(', ')}.` : 'Choose a value from the list.';
  }
  if (error.code === 'REQUIRED') return `${fieldLabel(id)} is missing.`;
  if (error.code === 'TOO_SHORT' || error.code === 'TOO_LONG') return SIZE[id] ?? 'The value is too short or too long.';
  return 'This value is not valid here.';
}
