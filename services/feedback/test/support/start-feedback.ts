import type { INestApplication } from '@nestjs/common';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { FeedbackConfigSchema } from '../../src/config/feedback.config';
import { kafkaServiceEnv } from '@claimflow/testing';
import { FEEDBACK_SERVICE } from '../../src/feedback.service';

export interface FeedbackApp {
  readonly url: string;
  readonly app: INestApplication;
  close(): Promise<void>;
}

export interface FeedbackEnv {
  readonly databaseUrl: string;
  readonly brokers?: readonly string[];
  readonly suffix?: string;
  /** Start the Kafka consumer too (needs a broker). */
  readonly consume?: boolean;
  readonly extra?: Record<string, string>;
}

/** The feedback service in this process on its own port (0 = any free one) and database. */
export async function startFeedback(env: FeedbackEnv): Promise<FeedbackApp> {
  const brokers = env.brokers ?? ['127.0.0.1:9092'];
  const config = parseConfig(FeedbackConfigSchema, {
    DATABASE_URL: env.databaseUrl,
    KAFKA_BROKERS: brokers.join(','),
    ...kafkaServiceEnv('feedback', brokers),
    TOPIC_SUFFIX: env.suffix ?? '',
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // Publication at start, then hourly: tests run the publisher when they read (waitForPublication), so that all
    // they sent is in one snapshot (a later snapshot needs k new reporters); a test of the schedule sets its own.
    FEEDBACK_PUBLISH_INTERVAL: '1h',
    FEEDBACK_REPORTER_SECRET: 'feedback-test-secret-never-stored-0123456789',
    ...env.extra,
  });
  const app = await startConfiguredService(FEEDBACK_SERVICE, config, { consume: env.consume === true });
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { url, app, close: () => app.close() };
}

export interface JsonResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export async function postJson<T = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}

export async function getJson<T = Record<string, unknown>>(url: string): Promise<JsonResponse<T>> {
  const res = await fetch(url);
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : {}) as T, headers: res.headers };
}
