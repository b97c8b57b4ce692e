import {
  freePortBlock,
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  startPrivatePostgres,
  uniqueSuffix,
  waitFor,
  type Infra,
  type PrivatePostgres,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { ClaimLoad, readiness } from './support/claim-load';
import { ServiceProcess } from './support/service-process';

/**
 * Postgres dies under load (its own private cluster, stopped with pg_ctl -m immediate, then its postmaster killed -9)
 * while ingest, a built process of its own, takes claims over HTTP: ingest never exits, answers 503 with Retry-After
 * (never 500) while the database is away, readiness answers within 3 s, and claims are acknowledged again after.
 * Needs `npm run build`.
 */
describe('Postgres dying under load (private cluster, ingest as a process)', () => {
  let infra: Infra;
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let ingest: ServiceProcess;
  let services: ServiceProcess[];
  let key: TestApiKey;

  beforeAll(async () => {
    infra = await startInfra();
    pg = await startPrivatePostgres(await freePortBlock(1));
    db = await createTestDatabase(pg.url, { prefix: 'claimflow_pgdeath' });
    const env = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TOPIC_SUFFIX: `.pgdeath-${uniqueSuffix()}`,
      DATABASE_URL: db.urls.ingest,
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
    };
    // The validator and pricing answer, so ingest's ledger is writing results (its own transactions) when Postgres dies.
    const port = await freePortBlock(3);
    // Each service process signs in to the (secured) broker as its own principal.
    services = (['ingest', 'validator', 'pricing'] as const).map(
      (name, i) => new ServiceProcess(name, port + i, { ...env, ...kafkaServiceEnv(name, infra.kafkaBrokers) }),
    );
    ingest = services[0]!;
    await Promise.all(services.map((s) => s.start()));
    key = await mintTestKey(db.url, { owner: 'pgdeath', scopes: ['claims:submit', 'claims:read'] });
  }, 240_000);

  afterAll(async () => {
    await Promise.all((services ?? []).map((s) => s.stop()));
    await pg?.start().catch(() => undefined);
    await db?.drop().catch(() => undefined);
    await pg?.destroy();
    await infra?.stop();
  }, 120_000);

  it.each([
    ['pg_ctl stop -m immediate', () => pg.stop('immediate')],
    ['kill -9 of the postmaster', () => pg.kill9()],
  ])(
    'survives %s mid-load: 503 + Retry-After meanwhile, no 500, recovers',
    async (_, fault) => {
      const load = new ClaimLoad(ingest.url, key.headers, 4);
      try {
        await waitFor(() => load.count(202) >= 20, { description: 'claims acknowledged before the fault', timeoutMs: 30_000 });
        const down = Date.now();
        await fault();
        // The outage lasts until claims have been refused for a while and readiness has been asked several times.
        const probes: { status: number; seconds: number }[] = [];
        await waitFor(
          async () => {
            probes.push(await readiness(ingest.url));
            return load.count(503, down) >= 20 && Date.now() - down > 6_000;
          },
          { description: 'claims refused with 503 during the outage', timeoutMs: 60_000, intervalMs: 500 },
        );
        expect(ingest.running).toBe(true);
        expect(probes.every((p) => p.status === 503 && p.seconds < 3)).toBe(true);
        await pg.start();
        const up = Date.now();
        await waitFor(() => load.count(202, up) >= 20, {
          description: 'claims acknowledged again after the database came back',
          timeoutMs: 60_000,
        });
        await waitFor(async () => (await readiness(ingest.url)).status === 200, { description: 'ready again', timeoutMs: 30_000 });
      } finally {
        await load.stop();
      }
      const unexpected = load.answers.filter((a) => ![202, 503].includes(a.status));
      expect(unexpected).toEqual([]);
      expect(load.answers.filter((a) => a.status === 503 && a.retryAfter === null)).toEqual([]);
      for (const service of services) expect({ [service.name]: service.unexpectedExits }).toEqual({ [service.name]: [] });
      expect(ingest.running).toBe(true);
    },
    180_000,
  );
});
