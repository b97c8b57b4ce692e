import { DenialReportSchema, reportCells, type DenialReportInput } from '@claimflow/domain';
import { aDenialReport } from '@claimflow/domain/testing';
import type { ReportSession } from '../report-session';

/** The report and its counters stored: once per idempotency key, exact under concurrency, nothing of the submitter kept. */
export function storageReports(s: ReportSession): void {
  const { submit, storedCount } = s;

  it('answers 201 once the report and its counters are committed, and keeps no submitter data', async () => {
    const res = await submit(aDenialReport(), { 'user-agent': 'PracticeSoft/9.1', 'x-forwarded-for': '203.0.113.7' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'stored', replayed: false });

    const [row] = await s.h.query('SELECT * FROM denial_report WHERE id = $1', [res.body.id]);
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
      await s.h.query<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'denial_report'`)
    ).map((c) => c.column_name);
    expect(columns.filter((c) => /ip|agent|addr|submitter|user|created_at/.test(c))).toEqual([]);
    expect(JSON.stringify(row)).not.toMatch(/203\.0\.113\.7|PracticeSoft/);

    const cells = await s.h.query<{ scope: string; dimension: string; value: string; count: number }>(
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
    const totals = await s.h.query<{ scope: string; month: number; count: number }>(
      `SELECT scope, month, count FROM denial_pattern_cell WHERE dimension = 'total' ORDER BY scope, month`,
    );
    expect(totals).toEqual([
      { scope: '*', month: 0, count: 1 },
      { scope: '*', month: 202609, count: 1 },
      { scope: 'PA', month: 0, count: 1 },
      { scope: 'PA', month: 202609, count: 1 },
    ]);
  });

  it('makes a retry with the same Idempotency-Key a no-op, and refuses the key for a different report', async () => {
    const key = { 'idempotency-key': 'c1f0e2a4-retry-7731' };
    const first = await submit(aDenialReport(), key);
    const retries = await Promise.all([submit(aDenialReport(), key), submit(aDenialReport(), key)]);
    expect(first.status).toBe(201);
    for (const retry of retries) expect(retry).toMatchObject({ status: 201, body: { id: first.body.id, replayed: true } });
    expect(await storedCount()).toBe(1);
    const [total] = await s.h.query<{ count: number }>(
      `SELECT count FROM denial_pattern_cell WHERE scope = '*' AND month = 0 AND dimension = 'total'`,
    );
    expect(total.count).toBe(1);

    const other = await submit(aDenialReport({ state: 'OH' }), key);
    expect(other).toMatchObject({ status: 409, body: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await storedCount()).toBe(1);
    // Only a hash of the key is kept.
    expect(JSON.stringify(await s.h.query('SELECT * FROM denial_report'))).not.toContain('c1f0e2a4');
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
    const keys = await Promise.all(reports.map((_, i) => s.h.reporterKey(`concurrent-${i}`)));
    const results = await Promise.all(reports.map((r, i) => submit(r, keys[i].headers)));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(201));
    const expected = new Map<string, number>();
    for (const cell of reports.flatMap((r) => reportCells(DenialReportSchema.parse(r)))) {
      const key = `${cell.dimension}:${cell.value}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const rows = await s.h.query<{ dimension: string; value: string; n: number }>(
      `SELECT dimension, value, sum(count)::int AS n FROM denial_pattern_cell WHERE scope <> '*' AND month <> 0 GROUP BY dimension, value`,
    );
    expect(new Map(rows.map((r) => [`${r.dimension}:${r.value}`, r.n]))).toEqual(expected);
    const rollup = await s.h.query<{ n: number }>(
      `SELECT sum(count)::int AS n FROM denial_pattern_cell WHERE scope = '*' AND month = 0 AND dimension = 'total'`,
    );
    expect(rollup).toEqual([{ n: 30 }]);
  });
}
