import { defaultDataDir, loadCatalog, loadCatalogFromPostgres } from '@claimflow/refdata';
import type { RefDataCatalog } from '@claimflow/domain';
import { Client } from 'pg';
import { isAbsolute, resolve } from 'node:path';
import type { CliIo } from '../cli-command';
import { DEFAULT_DATABASE_URL } from '@claimflow/contracts';

export const DEFAULT_DB = DEFAULT_DATABASE_URL;

/** `--db [URL]` takes an optional URL: the following argument when it looks like one. */
export function takeDbFlag(args: readonly string[]): { dbUrl: string | null; rest: string[] } {
  const at = args.indexOf('--db');
  if (at < 0) return { dbUrl: null, rest: [...args] };
  const next = args[at + 1] ?? '';
  const given = /^postgres(ql)?:\/\//.test(next);
  const dbUrl = given ? next : (process.env.DATABASE_URL ?? DEFAULT_DB);
  return { dbUrl, rest: args.filter((_, i) => i !== at && !(given && i === at + 1)) };
}

/** The catalog of a data-set folder (--dir, default data/refdata) or of the Postgres store of record (--db). */
export async function catalogFrom(io: CliIo, dir: string | undefined, dbUrl: string | null): Promise<RefDataCatalog> {
  if (!dbUrl) return loadCatalog(dir ? (isAbsolute(dir) ? dir : resolve(io.cwd, dir)) : defaultDataDir());
  const client = new Client({ connectionString: dbUrl });
  // The server going away is reported by the query in flight; an 'error' event without a listener would crash instead.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await loadCatalogFromPostgres(client);
  } finally {
    await client.end();
  }
}
