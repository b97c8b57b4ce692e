import { createHash } from 'node:crypto';
import { aDenialReport } from '@claimflow/domain/testing';
import { mintTestKey } from '@claimflow/testing';
import { postJson } from '../start-feedback';
import { startHarness } from '../feedback-harness';
import { waitForPublication } from '../attacker';
import type { ReportSession } from '../report-session';

/** Reporter keys: 401 and 403, only a keyed hash of the reporter kept, and the daily limit per reporter. */
export function keysReports(s: ReportSession): void {
  const { signIn, submit, storedCount } = s;

  it('needs a key with reports:submit: 401 without one, 403 with another scope; the patterns stay public', async () => {
    const none = await postJson(`${s.h.svc.url}/v1/denial-reports`, aDenialReport());
    expect(none).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const reader = await mintTestKey(s.h.db.url, { owner: 'clinic', scopes: ['claims:read'] });
    expect(await postJson(`${s.h.svc.url}/v1/denial-reports`, aDenialReport(), reader.headers)).toMatchObject({
      status: 403,
      body: { code: 'SCOPE_MISSING' },
    });
    expect(await storedCount()).toBe(0);
    expect((await fetch(`${s.h.svc.url}/v1/codes/77003/denial-patterns`)).status).toBe(200);
  });

  it('stores only a keyed hash of the reporter: the key appears in no column of any report table', async () => {
    for (let i = 0; i < 2; i++) expect((await submit(aDenialReport())).status).toBe(201);
    await waitForPublication(s.h, new Date());
    const [{ reporter_hash }] = await s.h.query<{ reporter_hash: string }>('SELECT DISTINCT reporter_hash FROM denial_report');
    expect(reporter_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reporter_hash).not.toBe(createHash('sha256').update(s.token).digest('hex'));
    const tables = await s.h.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'feedback' AND table_name LIKE 'denial%'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(['denial_report', 'denial_pattern_cell', 'denial_pattern_view']),
    );
    for (const { table_name } of tables) {
      const rows = JSON.stringify(await s.h.query(`SELECT * FROM "${table_name}"`));
      expect(rows).not.toContain(s.token);
      expect(rows).not.toContain(s.keyId);
      expect(rows).not.toContain('submitter');
    }
  });

  it('refuses a report without a reporter key (401) and beyond the daily limit per reporter (429)', async () => {
    const anonymous = await postJson(`${s.h.svc.url}/v1/denial-reports`, aDenialReport());
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await submit(aDenialReport(), { authorization: 'Bearer tiny' })).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_INVALID' },
    });
    expect(await storedCount()).toBe(0);

    await s.h.close();
    s.h = await startHarness({ extra: { FEEDBACK_REPORTS_PER_DAY: '3' } });
    await signIn();
    for (let i = 0; i < 3; i++) expect((await submit(aDenialReport(), { 'idempotency-key': `limit-key-000${i}` })).status).toBe(201);
    const over = await submit(aDenialReport());
    expect(over).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED' } });
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    // A retry of a stored report is still answered; another reporter is not limited.
    expect((await submit(aDenialReport(), { 'idempotency-key': 'limit-key-0000' })).body).toMatchObject({ replayed: true });
    expect((await submit(aDenialReport(), (await s.h.reporterKey('someone-else')).headers)).status).toBe(201);
    expect(await storedCount()).toBe(4);
  });
}
