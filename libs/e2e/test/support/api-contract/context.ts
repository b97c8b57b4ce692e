import type { INestApplication } from '@nestjs/common';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { FEEDBACK_SERVICE, FeedbackConfigSchema } from '@claimflow/service-feedback';
import { webService, WebConfigSchema } from '@claimflow/service-web';
import { kafkaServiceEnv, mintTestKey, type TestApiKey } from '@claimflow/testing';
import { OpenApiClient } from '../openapi-check';
import { startPipelineHarness, type PipelineHarness } from '../pipeline-harness';

export type Service = 'ingest' | 'validator' | 'pricing' | 'feedback' | 'web';
export const SERVICES: Service[] = ['ingest', 'validator', 'pricing', 'feedback', 'web'];
export const json = { 'content-type': 'application/json' };
export const x12 = { 'content-type': 'application/edi-x12' };

/**
 * The one stack the contract spec starts (the pipeline, feedback and web, with real Kafka and Postgres), shared by every
 * module of contract tests: filled in by `startContractStack` in the spec's beforeAll, read by the tests when they run.
 */
export interface ContractContext {
  h: PipelineHarness;
  feedback: INestApplication;
  web: INestApplication;
  apps: Record<Service, INestApplication>;
  clients: Record<Service, OpenApiClient>;
  /** Submitter key (claims:submit, claims:read) and reporter key (reports:submit). */
  submitter: TestApiKey;
  reporter: TestApiKey;
}

/** Starts the stack into ctx field by field, so that `closeContractStack` closes whatever started should a step fail. */
export async function startContractStack(ctx: ContractContext): Promise<void> {
  ctx.apps = {} as Record<Service, INestApplication>;
  ctx.clients = {} as Record<Service, OpenApiClient>;
  const h = (ctx.h = await startPipelineHarness('contract'));
  const config = parseConfig(FeedbackConfigSchema, {
    DATABASE_URL: h.db.urls.feedback,
    KAFKA_BROKERS: h.infra.kafkaBrokers.join(','),
    ...kafkaServiceEnv('feedback', h.infra.kafkaBrokers),
    TOPIC_SUFFIX: h.suffix,
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
  });
  ctx.feedback = await startConfiguredService(FEEDBACK_SERVICE, config);
  const feedbackUrl = (await ctx.feedback.getUrl()).replace('[::1]', '127.0.0.1');
  const webConfig = parseConfig(WebConfigSchema, {
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    REFDATA_FALLBACK: 'latest',
    INGEST_URL: h.pipeline.ingestUrl,
    VALIDATOR_URL: h.pipeline.validatorUrl,
    PRICING_URL: h.pipeline.pricingUrl,
    FEEDBACK_URL: feedbackUrl,
  });
  ctx.web = await startConfiguredService(webService, webConfig);
  Object.assign(ctx.apps, h.pipeline.apps, { feedback: ctx.feedback, web: ctx.web });
  const urls: Record<Service, string> = {
    ingest: h.pipeline.ingestUrl,
    validator: h.pipeline.validatorUrl,
    pricing: h.pipeline.pricingUrl,
    feedback: feedbackUrl,
    web: (await ctx.web.getUrl()).replace('[::1]', '127.0.0.1'),
  };
  for (const service of Object.keys(urls) as Service[]) ctx.clients[service] = await OpenApiClient.load(urls[service]);
  ctx.submitter = await h.keyOf('contract');
  ctx.reporter = await mintTestKey(h.db.url, { owner: 'contract-biller', scopes: ['reports:submit'] });
}

export async function closeContractStack(ctx: Partial<ContractContext>): Promise<void> {
  await ctx.web?.close();
  await ctx.feedback?.close();
  await ctx.h?.close();
}
