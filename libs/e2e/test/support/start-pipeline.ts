import type { INestApplication } from '@nestjs/common';
import { startService, type LogStream } from '@claimflow/runtime';
import { INGEST_SERVICE } from '@claimflow/service-ingest';
import { PRICING_SERVICE } from '@claimflow/service-pricing';
import { VALIDATOR_SERVICE } from '@claimflow/service-validator';
import { kafkaServiceEnv } from '@claimflow/testing';

export interface Pipeline {
  readonly ingestUrl: string;
  readonly validatorUrl: string;
  readonly pricingUrl: string;
  readonly apps: Readonly<Record<'ingest' | 'validator' | 'pricing', INestApplication>>;
  close(): Promise<void>;
}

/** The three claim services in this process, on their own topics (suffix) and database, each as its own Kafka principal. */
export async function startPipeline(env: {
  brokers: string[];
  databaseUrl: string;
  suffix: string;
  maxBody?: string;
  maxClaims?: number;
  /** Where the three services log (JSON lines); stdout by default. */
  logStream?: LogStream;
  /** Extra settings for all three (rate limits, log level). */
  extra?: Record<string, string>;
}): Promise<Pipeline> {
  const common = {
    KAFKA_BROKERS: env.brokers.join(','),
    TOPIC_SUFFIX: env.suffix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    REFDATA_FALLBACK: 'latest',
    NODE_ENV: 'test',
    ...env.extra,
  };
  const logs = { logStream: env.logStream };
  const apps: INestApplication[] = [];
  const byName: Record<string, INestApplication> = {};
  const start = async (name: string, app: Promise<INestApplication>) => {
    const started = await app;
    apps.push(started);
    byName[name] = started;
    return (await started.getUrl()).replace('[::1]', '127.0.0.1');
  };
  const [validatorUrl, pricingUrl, ingestUrl] = await Promise.all([
    start('validator', startService(VALIDATOR_SERVICE, { ...common, ...kafkaServiceEnv('validator', env.brokers) }, logs)),
    start('pricing', startService(PRICING_SERVICE, { ...common, ...kafkaServiceEnv('pricing', env.brokers) }, logs)),
    start(
      'ingest',
      startService(
        INGEST_SERVICE,
        {
          ...common,
          ...kafkaServiceEnv('ingest', env.brokers),
          DATABASE_URL: env.databaseUrl,
          INGEST_MAX_BODY: env.maxBody ?? '10mb',
          INGEST_MAX_CLAIMS: String(env.maxClaims ?? 10000),
        },
        logs,
      ),
    ),
  ]);
  return {
    ingestUrl,
    validatorUrl,
    pricingUrl,
    apps: byName as Pipeline['apps'],
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
    },
  };
}
