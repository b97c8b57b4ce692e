import { dockerHost, startKafkaContainer, startPostgresContainer, type DockerContainer } from './docker-infra';
import { NO_INFRA_MESSAGE, type Infra } from './infra';

type Env = Readonly<Record<string, string | undefined>>;

const brokersFrom = (value: string) =>
  value
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);

/**
 * Kafka and PostgreSQL for integration tests: KAFKA_BROKERS / DATABASE_URL when set (scripts/test.sh sets both),
 * otherwise containers started through a reachable Docker engine, otherwise a clear error.
 */
export async function startInfra(env: Env = process.env, probeDocker = dockerHost): Promise<Infra> {
  const presetBrokers = env.KAFKA_BROKERS ? brokersFrom(env.KAFKA_BROKERS) : undefined;
  const presetUrl = env.DATABASE_URL || undefined;
  if (presetBrokers?.length && presetUrl) {
    return { kafkaBrokers: presetBrokers, databaseUrl: presetUrl, stop: async () => undefined };
  }
  const host = await probeDocker();
  if (!host) {
    const missing = [presetBrokers?.length ? undefined : 'KAFKA_BROKERS', presetUrl ? undefined : 'DATABASE_URL'];
    throw new Error(`${missing.filter(Boolean).join(' and ')} not set and no Docker engine reachable. ${NO_INFRA_MESSAGE}`);
  }
  const started: DockerContainer[] = [];
  const track = <T extends { container: DockerContainer }>(running: T): T => (started.push(running.container), running);
  // allSettled: when one container fails, the other may still be starting and must be stopped too.
  const [kafka, postgres] = await Promise.allSettled([
    presetBrokers?.length
      ? Promise.resolve(presetBrokers)
      : startKafkaContainer(host)
          .then(track)
          .then((k) => k.brokers),
    presetUrl
      ? Promise.resolve(presetUrl)
      : startPostgresContainer()
          .then(track)
          .then((p) => p.url),
  ]);
  if (kafka.status === 'rejected' || postgres.status === 'rejected') {
    await Promise.allSettled(started.map((container) => container.stop()));
    throw kafka.status === 'rejected' ? kafka.reason : (postgres as PromiseRejectedResult).reason;
  }
  return {
    kafkaBrokers: kafka.value,
    databaseUrl: postgres.value,
    stop: async () => void (await Promise.all(started.map((container) => container.stop()))),
  };
}
