import type { INestApplication } from '@nestjs/common';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import {
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  type Infra,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestConfigSchema } from '../../src/config/ingest.config';
import { INGEST_SERVICE } from '../../src/ingest.service';

export const fixture = (path: string) => readFileSync(join(__dirname, '../../../../libs/domain/src/intake/__fixtures__', path), 'utf8');

/** The headers of every test submission: the content type and the test's API key (claims:submit, claims:read). */
export function submissionHeaders(ingest: RunningIngest, contentType: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': contentType, ...ingest.key.headers, ...extra };
}

export interface RunningIngest {
  readonly url: string;
  readonly db: TestDatabase;
  readonly key: TestApiKey;
  /** Appended to every topic this ingest uses (its own topics on the shared broker). */
  readonly topicSuffix: string;
  /** The running Nest application (its providers, for what a test observes). */
  readonly app: INestApplication;
  close(): Promise<void>;
}

/** Ingest in-process on the real broker and a fresh database, on its own topics. */
export async function startIngest(name: string, env: Record<string, string> = {}): Promise<RunningIngest> {
  const infra: Infra = await startInfra();
  const db = await createTestDatabase(infra.databaseUrl);
  const topicSuffix = `.${name}-${uniqueSuffix()}`;
  const config = parseConfig(IngestConfigSchema, {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    ...kafkaServiceEnv('ingest', infra.kafkaBrokers),
    TOPIC_SUFFIX: topicSuffix,
    DATABASE_URL: db.urls.ingest,
    PORT: '0',
    LOG_LEVEL: 'warn',
    // These tests send thousands of requests from one address and key; the edge's limits have tests of their own.
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_KEY: '1000000',
    ...env,
  });
  let app: INestApplication | undefined;
  try {
    app = await startConfiguredService(INGEST_SERVICE, config);
  } catch (error) {
    await db.drop();
    await infra.stop();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const key = await mintTestKey(db.url, { owner: 'intake-tests', scopes: ['claims:submit', 'claims:read'] });
  return {
    url,
    db,
    key,
    topicSuffix,
    app,
    close: async () => {
      await app?.close();
      await db.drop();
      await infra.stop();
    },
  };
}
