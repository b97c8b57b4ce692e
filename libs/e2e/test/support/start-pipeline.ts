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
  /** Starts pricing when the pipeline was started without it (`withoutPricing`): a pricing outage ending. */
  startPricing(): Promise<void>;
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
  /** Pricing not started (until startPricing): its topic fills, nothing is priced. */
  withoutPricing?: boolean;
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
  const pricing = () => start('pricing', startService(PRICING_SERVICE, { ...common, ...kafkaServiceEnv('pricing', env.brokers) }, logs));
  let pricingUrl = '';
  const [validatorUrl, ingestUrl] = await Promise.all([
    start('validator', startService(VALIDATOR_SERVICE, { ...common, ...kafkaServiceEnv('validator', env.brokers) }, logs)),
    env.withoutPricing ? undefined : pricing().then((url) => void (pricingUrl = url)),
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
  ]).then(([validator, , ingest]) => [validator, ingest] as const);
  return {
    ingestUrl,
    validatorUrl,
    get pricingUrl() {
      return pricingUrl;
    },
    apps: byName as Pipeline['apps'],
    startPricing: async () => {
      if (byName.pricing) throw new Error('pricing is running already');
      pricingUrl = await pricing();
    },
    close: async () => {
      await Promise.all(apps.map((a) => a.close()));
    },
  };
}
