import type { INestApplication } from '@nestjs/common';
import { bootstrapService, parseConfig } from '@claimflow/platform';
import { INGEST_GROUP, IngestConfigSchema, IngestModule } from '@claimflow/service-ingest';
import { PRICING_GROUP, PricingConfigSchema, PricingModule } from '@claimflow/service-pricing';
import { VALIDATOR_GROUP, ValidatorConfigSchema, ValidatorModule } from '@claimflow/service-validator';

export interface Pipeline {
  readonly ingestUrl: string;
  readonly validatorUrl: string;
  readonly pricingUrl: string;
  readonly apps: Readonly<Record<'ingest' | 'validator' | 'pricing', INestApplication>>;
  close(): Promise<void>;
}

/** The three claim services in this process, on their own topics (suffix) and database. */
export async function startPipeline(env: {
  brokers: string[];
  databaseUrl: string;
  suffix: string;
  maxBody?: string;
  maxClaims?: number;
}): Promise<Pipeline> {
  const common = {
    KAFKA_BROKERS: env.brokers.join(','),
    TOPIC_SUFFIX: env.suffix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    REFDATA_FALLBACK: 'latest',
    NODE_ENV: 'test',
  };
  const apps: INestApplication[] = [];
  const byName: Record<string, INestApplication> = {};
  const start = async (name: string, app: Promise<INestApplication>) => {
    const started = await app;
    apps.push(started);
    byName[name] = started;
    return (await started.getUrl()).replace('[::1]', '127.0.0.1');
  };
  const validatorConfig = parseConfig(ValidatorConfigSchema, common);
  const pricingConfig = parseConfig(PricingConfigSchema, common);
  const ingestConfig = parseConfig(IngestConfigSchema, {
    ...common,
    DATABASE_URL: env.databaseUrl,
    INGEST_MAX_BODY: env.maxBody ?? '10mb',
    INGEST_MAX_CLAIMS: String(env.maxClaims ?? 10000),
  });
  const [validatorUrl, pricingUrl, ingestUrl] = await Promise.all([
    start(
      'validator',
      bootstrapService({
        name: 'validator',
        module: ValidatorModule.forRoot(validatorConfig),
        config: validatorConfig,
        groupId: VALIDATOR_GROUP,
      }),
    ),
    start(
      'pricing',
      bootstrapService({ name: 'pricing', module: PricingModule.forRoot(pricingConfig), config: pricingConfig, groupId: PRICING_GROUP }),
    ),
    start(
      'ingest',
      bootstrapService({
        name: 'ingest',
        module: IngestModule.forRoot(ingestConfig),
        config: ingestConfig,
        groupId: INGEST_GROUP,
        bodyLimit: ingestConfig.INGEST_MAX_BODY,
        parseText: false,
      }),
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
