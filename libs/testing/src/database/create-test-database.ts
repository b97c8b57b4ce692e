import path from 'node:path';
import { Client } from 'pg';
import { applyDatabaseRoles, deployMigrations, roleUrl, SERVICE_ROLES, type ServiceRole } from '@claimflow/prisma-tooling';
import { uniqueSuffix } from '../polling/unique-suffix';

export type DatabaseRoleUrls = Readonly<Record<ServiceRole['service'], string>>;

export interface TestDatabase {
  readonly name: string;
  /** As the server's administrator (migrations, assertions). */
  readonly url: string;
  /** As each service's own role (prisma/tooling/database-roles.js): what a service under test connects with. */
  readonly urls: DatabaseRoleUrls;
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

/** A fresh database on the server of `baseUrl` with every migration applied and the service roles granted. */
export async function createTestDatabase(baseUrl: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const name = `${options.prefix ?? 'claimflow_test'}_${uniqueSuffix()}`;
  await onServer(baseUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(baseUrl, name);
  const deployed = await deployMigrations({ databaseUrl: url, migrationsDir: options.migrationsDir ?? REPO_MIGRATIONS_DIR });
  if (!deployed.ok) {
    await dropDatabase(baseUrl, name);
    throw new Error(`migrations failed on ${name}: ${deployed.error.code}: ${deployed.error.message}`);
  }
  // Trust authentication needs no password; a server that wants one (testcontainers) gets the administrator's.
  const password = new URL(baseUrl).password ? decodeURIComponent(new URL(baseUrl).password) : undefined;
  const passwords = password ? Object.fromEntries(SERVICE_ROLES.map((r) => [r.role, password])) : {};
  const granted = await applyDatabaseRoles({ databaseUrl: url, passwords });
  if (!granted.ok) {
    await dropDatabase(baseUrl, name);
    throw new Error(`service roles failed on ${name}: ${granted.error.code}: ${granted.error.message}`);
  }
  const urls = Object.fromEntries(SERVICE_ROLES.map((r) => [r.service, roleUrl(url, r.role, password)])) as DatabaseRoleUrls;
  return { name, url, urls, drop: () => dropDatabase(baseUrl, name) };
}
