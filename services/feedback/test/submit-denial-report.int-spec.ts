import { createHash } from 'node:crypto';
import { DenialReportSchema, reportCells, type DenialReportInput } from '@claimflow/domain';
import { aDenialReport } from '@claimflow/domain/testing';
import { mintTestKey } from '@claimflow/testing';
import { postJson } from './support/start-feedback';
import { startHarness, type Harness } from './support/feedback-harness';
import { waitForPublication } from './support/attacker';

describe('POST /v1/denial-reports', () => {
  let h: Harness;
  let token: string;
  let keyId: string;
  const signIn = async () => ({ key: token, id: keyId } = await h.reporterKey('submitter'));
  const submit = (body: unknown, headers: Record<string, string> = {}) =>
    postJson(`${h.svc.url}/v1/denial-reports`, body, { authorization: `Bearer ${token}`, ...headers });
  const storedCount = async () => Number((await h.query<{ n: string }>('SELECT count(*) AS n FROM denial_report'))[0].n);

  beforeEach(async () => {
    h = await startHarness();
    await signIn();
  });
  afterEach(async () => {
    await h.close();
  });

  it('needs a key with reports:submit: 401 without one, 403 with another scope; the patterns stay public', async () => {
    const none = await postJson(`${h.svc.url}/v1/denial-reports`, aDenialReport());
    expect(none).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const reader = await mintTestKey(h.db.url, { owner: 'clinic', scopes: ['claims:read'] });
    expect(await postJson(`${h.svc.url}/v1/denial-reports`, aDenialReport(), reader.headers)).toMatchObject({
      status: 403,
      body: { code: 'SCOPE_MISSING' },
    });
    expect(await storedCount()).toBe(0);
    expect((await fetch(`${h.svc.url}/v1/codes/77003/denial-patterns`)).status).toBe(200);
  });

  it('answers 201 once the report and its counters are committed, and keeps no submitter data', async () => {
    const res = await submit(aDenialReport(), { 'user-agent': 'PracticeSoft/9.1', 'x-forwarded-for': '203.0.113.7' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'stored', replayed: false });

    const [row] = await h.query('SELECT * FROM denial_report WHERE id = $1', [res.body.id]);
    expect(row).toMatchObject({
      denied_code: '77003',
      payer_type: 'medicare-part-b',
      mac_jurisdiction: 'JL',
      state: 'PA',
      denial_month: 202609,
      carc_codes: ['CO-97'],
      rarc_codes: ['N130'],
      appeal_filed: true,
      appeal_level: 1,
      appeal_outcome: 'overturned',
      claimflow_edits: ['GUIDANCE_INCLUDED'],
      idempotency_key_hash: null,
    });
    const columns = (
      await h.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'denial_report'`)
    ).map((c) => c.column_name);
    expect(columns.filter((c) => /ip|agent|addr|submitter|user|created_at/.test(c))).toEqual([]);
    expect(JSON.stringify(row)).not.toMatch(/203\.0\.113\.7|PracticeSoft/);

    const cells = await h.query<{ scope: string; dimension: string; value: string; count: number }>(
      `SELECT scope, dimension, value, count FROM denial_pattern_cell WHERE denied_code = '77003' AND scope = '*' AND month = 0 ORDER BY dimension, value`,
    );
    expect(cells.map((c) => `${c.dimension}:${c.value}=${c.count}`)).toEqual([
      'appeal:filed=1',
      'carc:CO-97=1',
      'cobilled:62323=1',
      'edit:GUIDANCE_INCLUDED=1',
      'outcome:overturned=1',
      'payer:medicare-part-b=1',
      'rarc:N130=1',
      'total:=1',
    ]);
    // Each count is kept for every state and for PA, for every month (0) and for 2026-09.
    const totals = await h.query<{ scope: string; month: number; count: number }>(
      `SELECT scope, month, count FROM denial_pattern_cell WHERE dimension = 'total' ORDER BY scope, month`,
    );
    expect(totals).toEqual([
      { scope: '*', month: 0, count: 1 },
      { scope: '*', month: 202609, count: 1 },
      { scope: 'PA', month: 0, count: 1 },
      { scope: 'PA', month: 202609, count: 1 },
    ]);
  });

  it('stores only a keyed hash of the reporter: the key appears in no column of any report table', async () => {
    for (let i = 0; i < 2; i++) expect((await submit(aDenialReport())).status).toBe(201);
    await waitForPublication(h, new Date());
    const [{ reporter_hash }] = await h.query<{ reporter_hash: string }>('SELECT DISTINCT reporter_hash FROM denial_report');
    expect(reporter_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reporter_hash).not.toBe(createHash('sha256').update(token).digest('hex'));
    const tables = await h.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'feedback' AND table_name LIKE 'denial%'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['denial_report', 'denial_pattern_cell', 'denial_pattern_view']),
    );
    for (const { table_name } of tables) {
      const rows = JSON.stringify(await h.query(`SELECT * FROM "${table_name}"`));
      expect(rows).not.toContain(token);
      expect(rows).not.toContain(keyId);
      expect(rows).not.toContain('submitter');
    }
  });

  it('refuses a report without a reporter key (401) and beyond the daily limit per reporter (429)', async () => {
    const anonymous = await postJson(`${h.svc.url}/v1/denial-reports`, aDenialReport());
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await submit(aDenialReport(), { authorization: 'Bearer tiny' })).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_INVALID' },
    });
    expect(await storedCount()).toBe(0);

    await h.close();
    h = await startHarness({ extra: { FEEDBACK_REPORTS_PER_DAY: '3' } });
    await signIn();
    for (let i = 0; i < 3; i++) expect((await submit(aDenialReport(), { 'idempotency-key': `limit-key-000${i}` })).status).toBe(201);
    const over = await submit(aDenialReport());
    expect(over).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // A retry of a stored report is still answered; another reporter is not limited.
    expect((await submit(aDenialReport(), { 'idempotency-key': 'limit-key-0000' })).body).toMatchObject({ replayed: true });
    expect((await submit(aDenialReport(), (await h.reporterKey('someone-else')).headers)).status).toBe(201);
    expect(await storedCount()).toBe(4);
  });

  it('makes a retry with the same Idempotency-Key a no-op, and refuses the key for a different report', async () => {
    const key = { 'idempotency-key': 'c1f0e2a4-retry-7731' };
    const first = await submit(aDenialReport(), key);
    const retries = await Promise.all([submit(aDenialReport(), key), submit(aDenialReport(), key)]);
    expect(first.status).toBe(201);
    for (const retry of retries) expect(retry).toMatchObject({ status: 201, body: { id: first.body.id, replayed: true } });
    expect(await storedCount()).toBe(1);
    const [total] = await h.query<{ count: number }>(
      `SELECT count FROM denial_pattern_cell WHERE scope = '*' AND month = 0 AND dimension = 'total'`,
    );
    expect(total.count).toBe(1);

    const other = await submit(aDenialReport({ state: 'OH' }), key);
    expect(other).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await storedCount()).toBe(1);
    // Only a hash of the key is kept.
    expect(JSON.stringify(await h.query('SELECT * FROM denial_report'))).not.toContain('c1f0e2a4');
  });

  it('refuses concurrent first submissions under one key but stores exactly one', async () => {
    const key = { 'idempotency-key': 'race-race-race-01' };
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(aDenialReport(), key)));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect(await storedCount()).toBe(1);
  });

  it('keeps the counters exact under concurrent submissions (same transaction, no deadlock)', async () => {
    const states = ['PA', 'OH', 'TX'] as const;
    const payers = [
      { type: 'medicaid' as const },
      { type: 'commercial' as const },
      { type: 'medicare-part-b' as const, macJurisdiction: 'JH' as const },
    ];
    const reports: DenialReportInput[] = Array.from({ length: 30 }, (_, i) =>
      aDenialReport({
        state: states[i % 3],
        payer: payers[i % 2 ? 2 : i % 3 === 0 ? 0 : 1],
        denialMonth: i % 4 ? '2026-09' : '2026-08',
        denialReasons: { carc: i % 5 ? ['CO-97'] : ['CO-97', 'CO-236'], rarc: [] },
        appeal: i % 3 ? { filed: false } : { filed: true, level: 2, outcome: 'upheld' },
      }),
    );
    // Thirty billers at once (one reporter would meet the daily limit first).
    const keys = await Promise.all(reports.map((_, i) => h.reporterKey(`concurrent-${i}`)));
    const results = await Promise.all(reports.map((r, i) => submit(r, keys[i].headers)));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const expected = new Map<string, number>();
    for (const cell of reports.flatMap((r) => reportCells(DenialReportSchema.parse(r)))) {
      const key = `${cell.dimension}:${cell.value}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = await h.query<{ dimension: string; value: string; n: number }>(
      `SELECT dimension, value, sum(count)::int AS n FROM denial_pattern_cell WHERE scope <> '*' AND month <> 0 GROUP BY dimension, value`,
    );
    expect(new Map(rows.map((r) => [`${r.dimension}:${r.value}`, r.n]))).toEqual(expected);
    const rollup = await h.query<{ n: number }>(
      `SELECT sum(count)::int AS n FROM denial_pattern_cell WHERE scope = '*' AND month = 0 AND dimension = 'total'`,
    );
    expect(rollup).toEqual([{ n: 30 }]);
  });

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
    const text = await fetch(`${h.svc.url}/v1/denial-reports`, {
      method: 'POST',
      body: 'hello',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
    });
    expect(text.status).toBe(415);
    const badKey = await submit(aDenialReport(), { 'idempotency-key': 'short' });
    expect(badKey).toMatchObject({ status: 400, body: { code: 'IDEMPOTENCY_KEY_INVALID' } });
    expect(await storedCount()).toBe(0);
  });
});
