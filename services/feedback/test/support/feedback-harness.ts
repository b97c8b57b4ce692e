import { Client } from 'pg';
import { createTestDatabase, mintTestKey, startInfra, type Infra, type TestApiKey, type TestDatabase } from '@claimflow/testing';
import { startFeedback, type FeedbackApp, type FeedbackEnv } from './start-feedback';

export interface Harness {
  readonly db: TestDatabase;
  readonly svc: FeedbackApp;
  /** Authorization header of a reporter key (scope reports:submit) in this database. */
  readonly reporter: { readonly authorization: string };
  /** A reporter key (scope reports:submit) per name, minted once: distinct names are distinct reporters. */
  reporterKey(name: string): Promise<TestApiKey>;
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
  const svc = await startFeedback({ brokers: kafkaBrokers, ...env, databaseUrl: databaseUrl ? databaseUrl(db) : db.urls.feedback });
  const keys = new Map<string, Promise<TestApiKey>>();
  const reporterKey = (name: string) => {
    if (!keys.has(name)) keys.set(name, mintTestKey(db.url, { owner: `biller-${name}`, scopes: ['reports:submit'] }));
    return keys.get(name)!;
  };
  const reporter = (await reporterKey('reporter')).headers;
  return {
    db,
    svc,
    reporter,
    reporterKey,
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
