import {
  freePortBlock,
  createTestDatabase,
  kafkaServiceEnv,
  startInfra,
  startOwnBroker,
  uniqueSuffix,
  waitFor,
  type Infra,
  type OwnBroker,
  type TestDatabase,
} from '@claimflow/testing';
import { readiness } from './support/claim-load';
import { listenerPid } from './support/local-process';
import { ServiceProcess } from './support/service-process';

/**
 * A network partition, for real: the services' broker (a broker of the test's own) frozen with SIGSTOP. Readiness of
 * every service answers within 3 s (503 while the broker is away), SIGTERM ends a service within 10 s during the
 * freeze, and after SIGCONT the others are ready again and stop in an orderly way. Needs `npm run build`.
 */
describe('the broker frozen (SIGSTOP/SIGCONT of a real broker process)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let broker: OwnBroker;
  let brokerPid: number;
  let services: ServiceProcess[];

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'claimflow_freeze' });
    // Broker on port..port+2, the four services on port+10..port+13.
    const port = await freePortBlock(14);
    broker = await startOwnBroker(port);
    brokerPid = await listenerPid(port);
    const env = {
      KAFKA_BROKERS: broker.brokers.join(','),
      TOPIC_SUFFIX: `.freeze-${uniqueSuffix()}`,
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
    };
    services = (['ingest', 'validator', 'pricing', 'feedback'] as const).map(
      (name, i) =>
        new ServiceProcess(name, port + 10 + i, {
          ...env,
          ...kafkaServiceEnv(name, broker.brokers), // each service as its own principal on the (secured) broker
          DATABASE_URL: db.urls[name === 'feedback' ? 'feedback' : 'ingest'],
        }),
    );
    await Promise.all(services.map((s) => s.start()));
  }, 300_000);

  afterAll(async () => {
    if (brokerPid) process.kill(brokerPid, 'SIGCONT');
    await Promise.all((services ?? []).map((s) => s.stop('SIGKILL')));
    await broker?.destroy();
    await db?.drop();
    await infra?.stop();
  }, 120_000);

  it('answers readiness within 3 s, stops within 10 s on SIGTERM while frozen, and recovers after SIGCONT', async () => {
    const [ingest, validator, pricing, feedback] = services as [ServiceProcess, ServiceProcess, ServiceProcess, ServiceProcess];
    process.kill(brokerPid, 'SIGSTOP');
    const frozen = Date.now();
    const answers: { name: string; status: number; seconds: number }[] = [];
    // Asked side by side, over and over, for 10 s of freeze: no answer may take 3 s, and each service ends up unready.
    while (Date.now() - frozen < 10_000)
      answers.push(...(await Promise.all(services.map(async (s) => ({ name: s.name, ...(await readiness(s.url)) })))));
    const slowest = Math.max(...answers.map((a) => a.seconds));
    expect(answers.filter((a) => a.seconds >= 3 || a.status === 0)).toEqual([]);
    for (const s of services) expect({ [s.name]: answers.filter((a) => a.name === s.name).at(-1)!.status }).toEqual({ [s.name]: 503 });

    const stops = await Promise.all([ingest.stop('SIGTERM'), validator.stop('SIGTERM')]);
    expect(stops.every((seconds) => seconds < 10)).toBe(true);

    process.kill(brokerPid, 'SIGCONT');
    await waitFor(async () => (await readiness(pricing.url)).status === 200 && (await readiness(feedback.url)).status === 200, {
      description: 'pricing and feedback ready again after SIGCONT',
      timeoutMs: 60_000,
      intervalMs: 500,
    });
    const orderly = await Promise.all([pricing.stop('SIGTERM'), feedback.stop('SIGTERM')]);
    expect(orderly.every((seconds) => seconds < 10)).toBe(true);
    for (const s of services) expect({ [s.name]: s.unexpectedExits }).toEqual({ [s.name]: [] });
    process.stdout.write(
      `broker freeze: slowest readiness answer ${slowest.toFixed(2)} s; SIGTERM to exit frozen ${stops.map((s) => s.toFixed(1)).join(', ')} s, after ${orderly.map((s) => s.toFixed(1)).join(', ')} s\n`,
    );
  }, 180_000);
});
