import { findPersonalData } from './find-personal-data';
import type { PersonalDataKind } from './personal-data.patterns';
import type { ReportFieldError } from './report-field-error';

const WHY: Record<PersonalDataKind, string> = {
  EMAIL: 'an e-mail address',
  WEB_ADDRESS: 'a web or IP address',
  MEDICARE_ID: 'a Medicare beneficiary identifier (MBI or HICN)',
  SSN: 'a Social Security number',
  PHONE: 'a phone number',
  DATE_OF_BIRTH: 'a date of birth',
  FULL_DATE: 'a full date (give the month only, never the day)',
  CLAIM_NUMBER: 'a claim control or claim reference number',
  RECORD_NUMBER: 'a medical record, account or member number',
  STREET_ADDRESS: 'a street or postal address',
  IDENTIFIER: 'an identifying number (account, claim, SSN or similar)',
  AGE_OVER_89: 'an age over 89',
  PERSON_NAME: "a person's name",
};

const MAX_FINDINGS_PER_FIELD = 10;

/**
 * Refuses, rather than redacts, free text that looks like it carries patient or person data:
 * a report is stored exactly as sent or not at all. Positions are given instead of the text so
 * that the error (and any log of it) does not repeat the data.
 */
export function checkAnonymity(field: string, text: string): ReportFieldError[] {
  return findPersonalData(text)
    .slice(0, MAX_FINDINGS_PER_FIELD)
    .map((f) => ({
      path: field,
      code: `PERSONAL_DATA_${f.kind}` as const,
      message: `looks like ${WHY[f.kind]} at characters ${f.start + 1}-${f.end}; reports must not carry patient or person data, remove it and resubmit`,
    }));
}
