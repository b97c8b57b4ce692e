import type { INestApplication } from '@nestjs/common';
import { bootstrapService, parseConfig } from '@claimflow/platform';
import { createTestDatabase, startInfra, uniqueSuffix, type Infra, type TestDatabase } from '@claimflow/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestConfigSchema } from '../../src/config/ingest.config';
import { INGEST_GROUP, IngestModule } from '../../src/ingest.module';

export const fixture = (path: string) => readFileSync(join(__dirname, '../../../../libs/domain/src/intake/__fixtures__', path), 'utf8');

/**
 * The headers of every test submission. The one place to add credentials (an Authorization
 * bearer key) once ingest requires them.
 */
export function submissionHeaders(contentType: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': contentType, ...extra };
}

export interface RunningIngest {
  readonly url: string;
  readonly db: TestDatabase;
  close(): Promise<void>;
}

/** Ingest in-process on the real broker and a fresh database, on its own topics. */
export async function startIngest(name: string, env: Record<string, string> = {}): Promise<RunningIngest> {
  const infra: Infra = await startInfra();
  const db = await createTestDatabase(infra.databaseUrl);
  const config = parseConfig(IngestConfigSchema, {
    KAFKA_BROKERS: infra.kafkaBrokers.join(','),
    TOPIC_SUFFIX: `.${name}-${uniqueSuffix()}`,
    DATABASE_URL: db.url,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...env,
  });
  let app: INestApplication | undefined;
  try {
    app = await bootstrapService({
      name: 'ingest',
      module: IngestModule.forRoot(config),
      config,
      groupId: INGEST_GROUP,
      bodyLimit: config.INGEST_MAX_BODY,
      parseText: false,
      parseJson: false,
    });
  } catch (error) {
    await db.drop();
    await infra.stop();
    throw error;
  }
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    url,
    db,
    close: async () => {
      await app?.close();
      await db.drop();
      await infra.stop();
    },
  };
}
