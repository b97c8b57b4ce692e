import { Client } from 'pg';
import { createTestDatabase, mintTestKey, startInfra, type Infra, type TestDatabase } from '@claimflow/testing';
import { startFeedback, type FeedbackApp, type FeedbackEnv } from './start-feedback';

export interface Harness {
  readonly db: TestDatabase;
  readonly svc: FeedbackApp;
  /** Authorization header of a reporter key (scope reports:submit) in this database. */
  readonly reporter: { readonly authorization: string };
  /** Runs SQL straight against the test database, outside the service. */
  query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

let infra: Promise<Infra> | undefined;
export const sharedInfra = () => (infra ??= startInfra());

/** A fresh database with every migration applied and the feedback service started on it. */
export async function startHarness(env: Partial<FeedbackEnv> = {}, databaseUrl?: (db: TestDatabase) => string): Promise<Harness> {
  const { databaseUrl: server, kafkaBrokers } = await sharedInfra();
  const db = await createTestDatabase(server, { prefix: 'feedback_test' });
  const svc = await startFeedback({ brokers: kafkaBrokers, ...env, databaseUrl: databaseUrl ? databaseUrl(db) : db.url });
  const reporter = (await mintTestKey(db.url, { owner: 'reporter', scopes: ['reports:submit'] })).headers;
  return {
    db,
    svc,
    reporter,
    query: async <T>(text: string, values: unknown[] = []) => {
      const client = new Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query(text, values)).rows as T[];
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await svc.close();
      await db.drop();
    },
  };
}
