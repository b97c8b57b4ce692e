import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@claimflow/contracts';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { FEEDBACK_SERVICE, FeedbackConfigSchema } from '@claimflow/service-feedback';
import { TopicRecorder, mintTestKey, kafkaServiceEnv } from '@claimflow/testing';
import { startPipelineHarness } from './support/pipeline-harness';
import type { RemitContext } from './support/remittances/context';
import { contributionRemits } from './support/remittances/contribution.remits';
import { correctionsRemits } from './support/remittances/corrections.remits';

/** One pipeline and feedback service for all (starting them is the expensive part); the tests live in support/remittances. */
describe('remittances: an 835 posted against checked claims (real Kafka and Postgres)', () => {
  const ctx = { logs: [] as string[] } as RemitContext & { feedback: INestApplication };

  beforeAll(async () => {
    ctx.h = await startPipelineHarness('remits', {
      logStream: { write: (line: string) => ctx.logs.push(line) },
      extra: { LOG_LEVEL: 'info' },
    });
    const contributing = await mintTestKey(ctx.h.db.url, {
      owner: 'northside',
      scopes: ['claims:submit', 'claims:read', 'reports:submit'],
    });
    [ctx.submitter, ctx.submitterKeyId] = [{ ...contributing.headers }, contributing.id];
    ctx.outsider = { ...(await ctx.h.keyOf('someone-else')).headers };
    ctx.reports = await TopicRecorder.start(
      ctx.h.infra.kafkaBrokers,
      [ctx.h.topic(TOPICS.denialReportsSubmitted)],
      `remits-reports${ctx.h.suffix}`,
    );
    // The feedback service on the same topics and database, consuming the contributed reports.
    const config = parseConfig(FeedbackConfigSchema, {
      DATABASE_URL: ctx.h.db.urls.feedback,
      KAFKA_BROKERS: ctx.h.infra.kafkaBrokers.join(','),
      ...kafkaServiceEnv('feedback', ctx.h.infra.kafkaBrokers),
      TOPIC_SUFFIX: ctx.h.suffix,
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
    });
    ctx.feedback = await startConfiguredService(FEEDBACK_SERVICE, config);
  });

  afterAll(async () => {
    await ctx.feedback?.close();
    await ctx.reports?.stop();
    await ctx.h?.close();
  });

  contributionRemits(ctx);
  correctionsRemits(ctx);
});
