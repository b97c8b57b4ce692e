import type { ApiKeyRecord, ApiKeyRepository, CreateKeyRequest } from '@claimflow/http-edge';
import { readArgs } from '../args';
import { withSubcommands, type CliCommand, type CliIo } from '../cli-command';
import { databaseUrlOf, DEFAULT_DATABASE_URL } from '@claimflow/contracts';

const USAGE = `Usage:
  claimflow keys create --name NAME --scopes SCOPE[,SCOPE...] [--owner ORG] [--json]
      Create an API key for the submitter organisation ORG (default: NAME). The key is printed
      once and only its SHA-256 hash is stored. Scopes: claims:submit, claims:read, reports:submit, refdata:admin.
  claimflow keys list [--json]
      Every key: id, name, owner, scopes, the key's first characters, created / last used / revoked.
  claimflow keys revoke ID
      Revoke a key at once; requests with it get 401 from then on.
All three use DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

const databaseUrl = () => databaseUrlOf();

/** The platform (Nest, Prisma) is loaded only here, so the in-process commands start without it. */
async function withKeys<T>(work: (keys: ApiKeyRepository, platform: typeof import('@claimflow/http-edge')) => Promise<T>): Promise<T> {
  const platform = await import('@claimflow/http-edge');
  const { KeysDb } = await import('@claimflow/db-keys');
  const prisma = new KeysDb(databaseUrl());
  try {
    return await work(new platform.ApiKeyRepository(prisma), platform);
  } finally {
    await prisma.$disconnect();
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;
const publicView = (k: ApiKeyRecord) => ({
  id: k.id,
  name: k.name,
  owner: k.owner,
  scopes: k.scopes,
  prefix: k.prefix,
  createdAt: iso(k.createdAt),
  lastUsedAt: iso(k.lastUsedAt),
  revokedAt: iso(k.revokedAt),
});

async function create(args: readonly string[], io: CliIo): Promise<number> {
  const a = readArgs(args, { name: { type: 'string' }, owner: { type: 'string' }, scopes: { type: 'string' }, json: { type: 'boolean' } });
  if (!a.ok || !a.values.name || !a.values.scopes) {
    io.err(a.ok ? 'keys create: --name and --scopes are required' : a.message);
    io.err(USAGE);
    return 2;
  }
  const scopes = a.values.scopes
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const owner = a.values.owner ?? a.values.name;
  const request: CreateKeyRequest = { name: a.values.name, owner, scopes };
  const created = await withKeys((keys, platform) => platform.createApiKey(keys, request));
  if (!created.ok) {
    io.err(`keys create: --${created.error.field}: ${created.error.message}`);
    return 2;
  }
  const { key, ...record } = created.value;
  if (a.values.json) io.out(JSON.stringify({ key, ...publicView(record) }));
  else {
    io.out(`Created key ${record.id} "${record.name}" for owner ${record.owner} (${record.scopes.join(', ')}).`);
    io.out(`Key (shown once, store it now): ${key}`);
  }
  return 0;
}

async function list(args: readonly string[], io: CliIo): Promise<number> {
  const a = readArgs(args, { json: { type: 'boolean' } });
  if (!a.ok) {
    io.err(a.message);
    return 2;
  }
  const keys = (await withKeys((k) => k.list())).map(publicView);
  if (a.values.json) return (io.out(JSON.stringify(keys)), 0);
  if (keys.length === 0) io.out('No API keys.');
  for (const k of keys)
    io.out(
      [
        k.id,
        k.prefix + '…',
        k.name,
        `owner=${k.owner}`,
        k.scopes.join(','),
        `created=${k.createdAt}`,
        `lastUsed=${k.lastUsedAt ?? 'never'}`,
      ]
        .concat(k.revokedAt ? [`REVOKED ${k.revokedAt}`] : [])
        .join('  '),
    );
  return 0;
}

async function revoke(args: readonly string[], io: CliIo): Promise<number> {
  const [id] = args;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || args.length !== 1) {
    io.err('keys revoke: name one key id (from `claimflow keys list`)');
    return 2;
  }
  const found = await withKeys((keys) => keys.revoke(id));
  if (!found) {
    io.err(`keys revoke: no key ${id}`);
    return 1;
  }
  io.out(`Revoked key ${id}.`);
  return 0;
}

export const keysCommand: CliCommand = withSubcommands(
  { name: 'keys', summary: 'create, list and revoke API keys (in the database at DATABASE_URL)', usage: USAGE },
  { create, list, revoke },
);
