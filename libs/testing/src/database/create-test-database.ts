import path from 'node:path';
import { Client } from 'pg';
import { deployMigrations } from '../migrations/index';
import { uniqueSuffix } from '../polling/unique-suffix';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Defaults to the repository's prisma/migrations. */
  readonly migrationsDir?: string;
  readonly prefix?: string;
}

export const REPO_MIGRATIONS_DIR = path.resolve(__dirname, '../../../../prisma/migrations');

function withDatabase(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(baseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  let client = new Client({ connectionString: baseUrl });
  try {
    await client.connect();
  } catch (error) {
    // The base URL may name a database that does not exist yet; every server has `postgres`.
    if ((error as { code?: string }).code !== '3D000') throw error;
    client = new Client({ connectionString: withDatabase(baseUrl, 'postgres') });
    await client.connect();
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function dropDatabase(baseUrl: string, name: string): Promise<void> {
  // WITH (FORCE) (PostgreSQL 13+) ends connections a test forgot to close instead of failing the drop.
  await onServer(baseUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A fresh database on the server of `baseUrl` with every migration applied, for one test file or case. */
export async function createTestDatabase(baseUrl: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'claimflow_test'}_${uniqueSuffix()}`;
  await onServer(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(baseUrl, name);
  const deployed = await deployMigrations({ databaseUrl: url, migrationsDir: options.migrationsDir ?? REPO_MIGRATIONS_DIR });
  if (!deployed.ok) {
    await dropDatabase(baseUrl, name);
    throw new Error(`migrations failed on ${name}: ${deployed.error.code}: ${deployed.error.message}`);
  }
  return { name, url, drop: () => dropDatabase(baseUrl, name) };
}
