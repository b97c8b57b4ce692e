import { aDenialReport } from '@claimflow/domain/testing';
import type { ReportSession } from '../report-session';

/** Refusals: personal data, fields the report does not have, invalid values, size, broken JSON and other media types. */
export function refusalsReports(s: ReportSession): void {
  const { submit, storedCount } = s;

  it.each([
    ['whatHappened', 'Patient Jane Kowalski was denied', 'PERSONAL_DATA_PERSON_NAME'],
    ['whatHappened', 'denied; DOB 04/12/1948 on file', 'PERSONAL_DATA_DATE_OF_BIRTH'],
    ['whatHappened', 'denied for service on 09/14/2026', 'PERSONAL_DATA_FULL_DATE'],
    ['whatHappened', 'MBI 1EG4-TE5-MK73 was rejected', 'PERSONAL_DATA_MEDICARE_ID'],
    ['whatHappened', 'SSN 123-45-6789 was on the form', 'PERSONAL_DATA_SSN'],
    ['whatWorked', 'called the rep at 412-555-0199', 'PERSONAL_DATA_PHONE'],
    ['whatWorked', 'wrote to appeals@example-mac.com', 'PERSONAL_DATA_EMAIL'],
    ['whatHappened', 'statement went to 42 Elm Street', 'PERSONAL_DATA_STREET_ADDRESS'],
    ['whatHappened', 'MRN 00451234 was pulled', 'PERSONAL_DATA_RECORD_NUMBER'],
    ['whatHappened', 'account # AC-998812 was billed', 'PERSONAL_DATA_RECORD_NUMBER'],
    ['whatWorked', 'reopened ICN 2126254123456', 'PERSONAL_DATA_CLAIM_NUMBER'],
  ])('refuses %s carrying personal data (%s) with the field and the reason, storing nothing', async (field, text, code) => {
    const res = await submit(aDenialReport({ [field]: text }));
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'REPORT_INVALID',
      errors: [{ path: field, code, message: expect.stringMatching(/^looks like .* at characters \d+-\d+/) }],
    });
    expect(JSON.stringify(res.body)).not.toContain(text);
    expect(await storedCount()).toBe(0);
  });

  it('refuses a field the report does not have (e.g. a patient name) by name', async () => {
    const res = await submit({ ...aDenialReport(), patientName: 'A B' });
    expect(res).toMatchObject({ status: 422, body: { errors: [{ path: 'patientName', code: 'FIELD_NOT_ALLOWED' }] } });
  });

  it('answers wrong types, unknown codes and a day for a month with 422 and the reason', async () => {
    const res = await submit(
      aDenialReport({
        denialMonth: '2026-09-14',
        placeOfService: '30',
        denialReasons: { carc: ['CO-999'], rarc: [] },
        billedCodes: [{ code: '77003', modifiers: [], units: 'one' as never }],
      }),
    );
    expect(res.status).toBe(422);
    expect((res.body.errors as { path: string; code: string }[]).map((e) => `${e.path}:${e.code}`).sort()).toEqual([
      'billedCodes.0.units:TYPE_INVALID',
      'denialMonth:FORMAT_INVALID',
      'denialReasons.carc.0:VALUE_INVALID',
      'placeOfService:VALUE_INVALID',
    ]);
  });

  it('answers 413 for a body over the limit, 400 for broken JSON and 415 for other media types', async () => {
    expect((await submit({ ...aDenialReport(), whatHappened: 'x'.repeat(40_000) })).status).toBe(413);
    expect((await submit('{"billedCodes": [')).status).toBe(400);
    const text = await fetch(`${s.h.svc.url}/v1/denial-reports`, {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${s.token}` },
    });
    expect(text.status).toBe(415);
    const badKey = await submit(aDenialReport(), { 'idempotency-key': 'short' });
    expect(badKey).toMatchObject({ status: 400, body: { code: 'IDEMPOTENCY_KEY_INVALID' } });
    expect(await storedCount()).toBe(0);
  });
}
