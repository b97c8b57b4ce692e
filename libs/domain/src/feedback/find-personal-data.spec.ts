import { findPersonalData } from './find-personal-data';
import type { PersonalDataKind } from './personal-data.patterns';
import { FREE_TEXT_MAX } from './denial-report.schema';

const kinds = (text: string) => findPersonalData(text).map((f) => f.kind);

describe('findPersonalData', () => {
  it.each<[PersonalDataKind, string]>([
    ['EMAIL', 'send it to jane.doe@example.org please'],
    ['WEB_ADDRESS', 'see https://portal.example.com/claims/abc'],
    ['MEDICARE_ID', 'MBI 1EG4-TE5-MK73 was on the claim'],
    ['MEDICARE_ID', 'mbi 1eg4te5mk73 on file'],
    ['MEDICARE_ID', 'old HICN 123456789A was used'],
    ['SSN', 'SSN 123-45-6789 on the form'],
    ['SSN', 'social security number ends 6789'],
    ['PHONE', 'called (412) 555-0199 twice'],
    ['PHONE', 'called 412-555-0199 twice'],
    ['DATE_OF_BIRTH', 'DOB 3/4/1950 mismatch'],
    ['DATE_OF_BIRTH', 'patient born in 1931 so'],
    ['FULL_DATE', 'denied on 09/14/2026 by the MAC'],
    ['FULL_DATE', 'denied on 2026-09-14 by the MAC'],
    ['FULL_DATE', 'denied on September 14, 2026 by the MAC'],
    ['FULL_DATE', 'denied on 14th of September'],
    ['FULL_DATE', 'service 20260914 was denied'],
    ['CLAIM_NUMBER', 'ICN 2126254123456 was reprocessed'],
    ['CLAIM_NUMBER', 'claim # A7788-1234 reopened'],
    ['RECORD_NUMBER', 'MRN: 00451234 flagged'],
    ['RECORD_NUMBER', 'account number 88812345 closed'],
    ['STREET_ADDRESS', 'lives at 1600 Pennsylvania Avenue now'],
    ['STREET_ADDRESS', 'mail went to 22 W 3rd St instead'],
    ['STREET_ADDRESS', 'mail went to P.O. Box 4411 instead'],
    ['STREET_ADDRESS', 'lives in zip code 15213 so'],
    ['STREET_ADDRESS', 'mailed to 15213-2683 instead'],
    ['IDENTIFIER', 'the letter quoted 4412345678 twice'],
    ['IDENTIFIER', 'token XK1234567 in the letter'],
    ['AGE_OVER_89', 'a 94-year-old beneficiary'],
    ['PERSON_NAME', 'Mrs. Alvarez had the procedure'],
    ['PERSON_NAME', 'the patient Kowalski had the procedure'],
    ['PERSON_NAME', 'Linda at the front desk'],
    ['PERSON_NAME', "patient's name is Zbigniew"],
  ])('finds %s in "%s"', (kind, text) => {
    expect(kinds(text)).toContain(kind);
  });

  it.each([
    'Billed 77003-26 with 62323; MAC denied CO-97 with N130 and M80 as bundled.',
    'Resubmitted in 2026-09 with modifier XU and 2 units; appeal level 1 overturned in Oct 2026.',
    'The patient had fluoroscopy; Medicare Part B (JL) said the guidance is included in 62323.',
    'Called Noridian, bill the MAC again after 90 days with G0283 and 99213-25 per LCD L35936.',
    'Redetermination with op note showing separate fluoro; 3 of 5 similar claims paid at $99.63.',
    'The patient Medicare Advantage plan needed prior auth; submitted ABN and the claim paid.',
  ])('leaves ordinary billing prose alone: "%s"', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });

  it('reports positions, not the text, and each stretch once', () => {
    const text = 'email a@b.co or call 412-555-0199';
    expect(findPersonalData(text)).toEqual([
      { kind: 'EMAIL', start: 6, end: 12 },
      { kind: 'PHONE', start: 21, end: 33 },
    ]);
  });

  // Regression (issue 12): "claim" followed by 20,000 spaces took 1.9 s. At the length limit every detector must stay fast.
  it.each([
    ['a label and spaces', 'claim' + ' '.repeat(1995)],
    ['a label, spaces and a word', 'patient' + ' '.repeat(1990) + 'x'],
    ['label words repeated', 'claim ' + 'number '.repeat(284)],
    ['an address-like run', '1 ' + 'Aa '.repeat(666)],
    ['a name label and colons', 'name' + ' :'.repeat(998)],
    ['one long word', 'a'.repeat(2000)],
    ['digits and dots', '1.'.repeat(1000)],
  ])('reads 2,000 characters of %s within a small budget', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(FREE_TEXT_MAX);
    const started = performance.now();
    findPersonalData(text);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
