import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';

export interface TestApiKey {
  readonly id: string;
  readonly key: string;
  readonly owner: string;
  /** { authorization: 'Bearer <key>' }, to spread into request headers. */
  readonly headers: { readonly authorization: string };
  /** Revokes the key in the database. */
  revoke(): Promise<void>;
}

async function run(databaseUrl: string, text: string, values: unknown[]): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
}

/**
 * Mints an API key straight into a test database, in the form libs/http-edge's mintApiKey makes
 * (cf_live_ + 32 random bytes, base64url; SHA-256 hex stored). Plain SQL: libs/http-edge's own tests use
 * this library, so it cannot import the platform's key repository.
 */
export async function mintTestKey(
  databaseUrl: string,
  options: { owner: string; scopes: readonly string[]; name?: string },
): Promise<TestApiKey> {
  const id = randomUUID();
  const key = `cf_live_${randomBytes(32).toString('base64url')}`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex');
  await run(databaseUrl, 'INSERT INTO api_key (id, name, owner, key_hash, prefix, scopes) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    options.name ?? `test ${options.owner}`,
    options.owner,
    hash,
    key.slice(0, 12),
    [...options.scopes],
  ]);
  return {
    id,
    key,
    owner: options.owner,
    headers: { authorization: `Bearer ${key}` },
    revoke: () => run(databaseUrl, 'UPDATE api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]),
  };
}
