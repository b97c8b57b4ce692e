import { startTcpProxy, waitFor, type TcpProxy } from '@claimflow/testing';
import { aDenialReport } from '@claimflow/domain/testing';
import { getJson, postJson, type JsonResponse } from './support/start-feedback';
import { startHarness, type Harness } from './support/feedback-harness';
import { waitForPublication } from './support/attacker';
import { databaseUrlOf } from '@claimflow/contracts';

describe('database outage', () => {
  let h: Harness;
  let proxy: TcpProxy;

  beforeEach(async () => {
    const server = new URL(databaseUrlOf());
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    // The service reaches the database only through the proxy; the test checks it directly.
    // The publisher on a short schedule: it keeps running (and failing) while the database is away.
    h = await startHarness({ extra: { FEEDBACK_PUBLISH_INTERVAL: '200ms' } }, (db) => {
      const viaProxy = new URL(db.urls.feedback);
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(proxy.port);
      return viaProxy.toString();
    });
  });
  afterEach(async () => {
    await h.close();
    await proxy.close();
  });

  // Each report from a reporter of its own (keys minted straight into the database, not through the cut connection).
  const submit = async (i: number) =>
    postJson(`${h.svc.url}/v1/denial-reports`, aDenialReport({ state: i % 2 ? 'PA' : 'OH' }), {
      'idempotency-key': `outage-report-${i}`,
      ...(await h.reporterKey(`outage-${i}`)).headers,
    });

  it('answers 503 while the database is away, never acknowledges what it did not commit, and loses nothing acknowledged', async () => {
    for (let i = 0; i < 3; i++) expect((await submit(i)).status).toBe(201);

    // Twenty concurrent submissions; the database goes away once the first few are answered.
    const inFlight = Array.from({ length: 20 }, (_, i) => submit(100 + i));
    let answered = 0;
    const firstFew = new Promise<void>((resolve) => inFlight.forEach((p) => p.then(() => ++answered === 4 && resolve())));
    await firstFew;
    await proxy.cut();
    const results: JsonResponse[] = await Promise.all(inFlight);
    expect(results.every((r) => r.status === 201 || r.status === 503)).toBe(true);

    const down = await submit(200);
    expect(down).toMatchObject({ status: 503, body: { code: 'DATABASE_UNAVAILABLE' } });
    expect(down.headers.get('retry-after')).toBe('5');
    expect((await getJson(`${h.svc.url}/v1/codes/77003/denial-patterns`)).status).toBe(503);
    expect((await getJson(`${h.svc.url}/health/ready`)).status).toBe(503);

    // Every acknowledged report is in the database (read directly, not through the service).
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const stored = await h.query<{ id: string }>('SELECT id FROM denial_report WHERE id = ANY($1::uuid[])', [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);

    // Back up: clients retry what was refused under the same keys; each report ends up stored exactly once.
    await proxy.restore();
    const refused = [
      ...results
        .map((r, i) => ({ r, n: 100 + i }))
        .filter(({ r }) => r.status === 503)
        .map(({ n }) => n),
      200,
    ];
    for (const n of refused)
      await waitFor(async () => (await submit(n)).status === 201, {
        description: `retry of report ${n} to be stored`,
        timeoutMs: 15_000,
        intervalMs: 100,
      });
    const [{ n: total }] = await h.query<{ n: string }>('SELECT count(*) AS n FROM denial_report');
    expect(Number(total)).toBe(3 + 20 + 1);
    const [{ count }] = await h.query<{ count: number }>(
      `SELECT count FROM denial_pattern_cell WHERE scope = '*' AND month = 0 AND dimension = 'total'`,
    );
    expect(count).toBe(24);
    // The publisher kept failing while the database was away; the next publication after it is back shows every report (rounded to 5).
    await waitForPublication(h, new Date());
    const published = (await getJson<{ status: string; reports: number }>(`${h.svc.url}/v1/codes/77003/denial-patterns`)).body;
    expect(published.status).toBe('ok');
    expect([20, 25]).toContain(published.reports);
  });
});
