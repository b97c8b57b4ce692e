/** What kind of personal data a stretch of free text looks like. */
export type PersonalDataKind =
  | 'EMAIL'
  | 'WEB_ADDRESS'
  | 'MEDICARE_ID'
  | 'SSN'
  | 'PHONE'
  | 'DATE_OF_BIRTH'
  | 'FULL_DATE'
  | 'CLAIM_NUMBER'
  | 'RECORD_NUMBER'
  | 'STREET_ADDRESS'
  | 'IDENTIFIER'
  | 'AGE_OVER_89'
  | 'PERSON_NAME';

export interface PatternDetector {
  readonly kind: PersonalDataKind;
  readonly pattern: RegExp;
  /** Optional second look at a match, for patterns that need a check a regex cannot express. */
  readonly accept?: (match: string) => boolean;
}

const MONTHS =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const ORDINAL = '\\d{1,2}(?:st|nd|rd|th)?';
// MBI character classes: letters exclude S, L, O, I, B and Z.
const A = '[AC-HJKMNP-RT-Y]';
const AN = '[0-9AC-HJKMNP-RT-Y]';
// Each label word is followed by its spaces, so no two whitespace runs compete for the same characters (linear time).
const NUMBER_LABEL = '\\s*(?:(?:number|no\\.?|num|#|id|is|was|:)\\s*)*';
// An identifier after a label: six characters or more, one a digit, and not a code-modifier pair.
const ID_TOKEN = '(?![A-Z0-9]{5}-[A-Z0-9]{2}\\b)(?=[A-Z0-9-]*\\d)[A-Z0-9][A-Z0-9-]{5,}';

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** An 8-digit run written as YYYYMMDD or MMDDYYYY. */
function isCompactDate(digits: string): boolean {
  const n = (from: number, to: number) => Number(digits.slice(from, to));
  return isCalendarDate(n(0, 4), n(4, 6), n(6, 8)) || isCalendarDate(n(4, 8), n(0, 2), n(2, 4));
}

/** Order matters: an earlier detector claims its stretch of text before later, vaguer ones. */
export const PATTERN_DETECTORS: readonly PatternDetector[] = [
  { kind: 'EMAIL', pattern: /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi },
  { kind: 'WEB_ADDRESS', pattern: /\b(?:https?:\/\/|www\.)\S+|\b(?:\d{1,3}\.){3}\d{1,3}\b/gi },
  { kind: 'MEDICARE_ID', pattern: new RegExp(`\\b[1-9]${A}${AN}\\d-?${A}${AN}\\d-?${A}${A}\\d\\d\\b`, 'gi') },
  { kind: 'MEDICARE_ID', pattern: /\b\d{9}[A-Z]\d?\b|\b[A-Z]{1,3}\d{6}(?:\d{3})?\b/g },
  { kind: 'SSN', pattern: /\b\d{3}[- .]\d{2}[- .]\d{4}\b|\b(?:SSN|social security(?: number| no\.?| #)?)\b\D{0,12}\d{4,9}/gi },
  { kind: 'PHONE', pattern: /(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g },
  { kind: 'DATE_OF_BIRTH', pattern: /\b(?:DOB|D\.O\.B\.?|date of birth|birth ?date|birthday|born)\b[^.;\n]{0,20}?\d/gi },
  {
    kind: 'FULL_DATE',
    pattern: new RegExp(
      [
        '\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b',
        '\\b\\d{4}[/.-]\\d{1,2}[/.-]\\d{1,2}\\b',
        `\\b${MONTHS}\\.?\\s+${ORDINAL}\\b(?:,?\\s+\\d{4})?`,
        `\\b${ORDINAL}\\s+(?:of\\s+)?${MONTHS}\\b`,
      ].join('|'),
      'g',
    ),
  },
  { kind: 'FULL_DATE', pattern: /\b\d{8}\b/g, accept: isCompactDate },
  {
    kind: 'CLAIM_NUMBER',
    pattern: new RegExp(
      `\\b(?:ICN|DCN|CCN|TCN|claim control|internal control|document control|claim|reference|ref)${NUMBER_LABEL}${ID_TOKEN}`,
      'gi',
    ),
  },
  {
    kind: 'RECORD_NUMBER',
    pattern: new RegExp(
      `\\b(?:MRN|medical record|med rec|chart|account|acct\\.?|patient|member|subscriber|policy|encounter|visit|case|HICN|MBI|beneficiary)${NUMBER_LABEL}${ID_TOKEN}`,
      'gi',
    ),
  },
  {
    kind: 'STREET_ADDRESS',
    pattern: new RegExp(
      [
        "\\b\\d{1,6}\\s+(?:[NSEW]\\.?\\s+)?(?:(?:[A-Z][A-Za-z'.-]*|\\d+(?:st|nd|rd|th))\\s+){1,3}" +
          '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Trl|Square|Sq)\\b\\.?',
        '\\bP\\.?\\s?O\\.?\\s+Box\\s+\\d+',
        '\\b(?:Apt|Apartment|Suite|Ste)\\.?\\s*(?:#\\s*)?\\d+[A-Z]?\\b',
        // ZIP+4, or a ZIP code named as one (a bare five-digit number is far more often a CPT code).
        '\\b\\d{5}-\\d{4}\\b',
        '\\b(?:ZIP|Zip|zip)(?:\\s*code)?\\s*(?::\\s*)?\\d{5}\\b',
      ].join('|'),
      'g',
    ),
  },
  { kind: 'IDENTIFIER', pattern: /\b\d{9,}\b|\b(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){5})[A-Z0-9]{7,}\b/gi },
  {
    kind: 'AGE_OVER_89',
    pattern: /\b(?:9\d|1[0-1]\d)[\s-]*(?:years?|yrs?|y\/?o)\b|\bage(?:d)?\s*(?::\s*)?(?:9\d|1[0-1]\d)\b/gi,
  },
];
