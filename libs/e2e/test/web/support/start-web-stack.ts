import type { INestApplication } from '@nestjs/common';
import { TOPICS, TOPICS_V1 } from '@claimflow/contracts';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import {
  createTestDatabase,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  type Infra,
  type TestApiKey,
  type TestDatabase,
  createTopicsLed,
  kafkaClientAs,
  kafkaServiceEnv,
} from '@claimflow/testing';
import { FeedbackConfigSchema } from '@claimflow/service-feedback';
import { WebConfigSchema } from '@claimflow/service-web';
import { startPipeline, type Pipeline } from '../../support/start-pipeline';
import { FEEDBACK_SERVICE } from '@claimflow/service-feedback';
import { webService } from '@claimflow/service-web';

export interface WebStack {
  readonly webUrl: string;
  readonly pipeline: Pipeline;
  readonly feedbackUrl: string;
  readonly databaseUrl: string;
  /** Mints a reporter key (reports:submit) for a biller of that name, as the operator would issue it. */
  reporterKey(name: string): Promise<TestApiKey>;
  close(): Promise<void>;
}

/** Services starting side by side race to auto-create the same topics; create them first, with leaders. */
async function createTopics(brokers: string[], suffix: string): Promise<void> {
  const admin = kafkaClientAs('web-e2e-admin', brokers).admin();
  await admin.connect();
  try {
    // Not kafkajs's waitForLeaders alone: it gives up with UNKNOWN_TOPIC_OR_PARTITION while new topics' metadata spreads
    // (seen here: every test of biller-words failed so in one full run, suites running two at a time).
    await createTopicsLed(
      admin,
      [...Object.values(TOPICS), ...Object.values(TOPICS_V1)].map((t) => t + suffix),
      1,
    );
  } finally {
    await admin.disconnect();
  }
}

const urlOf = async (app: INestApplication) => (await app.getUrl()).replace('[::1]', '127.0.0.1');

/** Every service in this process on its own topics and a fresh database, with the web front end in front of them. */
export async function startWebStack(): Promise<WebStack> {
  const infra: Infra = await startInfra();
  const db: TestDatabase = await createTestDatabase(infra.databaseUrl);
  const suffix = `.web-${uniqueSuffix()}`;
  const common = {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    TOPIC_SUFFIX: suffix,
    PORT: '0',
    LOG_LEVEL: 'warn',
    REFDATA_FALLBACK: 'latest',
    NODE_ENV: 'test',
  };
  await createTopics(infra.kafkaBrokers, suffix);
  // Denial patterns publish on a short schedule here (an hour by default), so the browser sees the fifth report soon.
  const feedbackConfig = parseConfig(FeedbackConfigSchema, {
    ...common,
    ...kafkaServiceEnv('feedback', infra.kafkaBrokers),
    DATABASE_URL: db.urls.feedback,
    FEEDBACK_PUBLISH_INTERVAL: '300ms',
  });
  const [pipeline, feedback] = await Promise.all([
    startPipeline({ brokers: infra.kafkaBrokers, databaseUrl: db.urls.ingest, suffix }),
    startConfiguredService(FEEDBACK_SERVICE, feedbackConfig),
  ]);
  const feedbackUrl = await urlOf(feedback);
  const webConfig = parseConfig(WebConfigSchema, {
    ...common,
    INGEST_URL: pipeline.ingestUrl,
    VALIDATOR_URL: pipeline.validatorUrl,
    PRICING_URL: pipeline.pricingUrl,
    FEEDBACK_URL: feedbackUrl,
  });
  const web = await startConfiguredService(webService, webConfig);
  return {
    webUrl: await urlOf(web),
    pipeline,
    feedbackUrl,
    databaseUrl: db.url,
    reporterKey: (name: string) => mintTestKey(db.url, { owner: name, scopes: ['reports:submit'] }),
    close: async () => {
      await web.close();
      await Promise.all([feedback.close(), pipeline.close()]);
      await db.drop();
      await infra.stop();
    },
  };
}
