import type { RefDataCatalog } from '@claimflow/domain';
import { dataSetVersion, defaultDataDir, loadCatalog, loadDefaultCatalog } from '../default-data/load-catalog';
import { loadCatalogFromPostgres } from '../postgres/pg-load';
import { Client } from 'pg';

/** Where a service's reference data comes from: a data-set folder, or the Postgres store of record. */
export interface RefDataSource {
  readonly description: string;
  /** Changes whenever the data does. */
  version(): Promise<string>;
  load(first: boolean): Promise<RefDataCatalog>;
}

export function folderSource(dir = defaultDataDir()): RefDataSource {
  return {
    description: dir,
    version: async () => dataSetVersion(dir),
    // The first load is shared by every service in the process; later ones are fresh.
    load: (first) => (first ? loadDefaultCatalog(dir) : loadCatalog(dir)),
  };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  // A connection lost mid-load is an 'error' event, fatal to the service without a listener; the query in flight
  // fails with it too, and the holder keeps the data it has until the next reload.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function postgresSource(url: string): RefDataSource {
  return {
    description: 'the PostgreSQL store of record',
    version: () =>
      withClient(
        url,
        async (c) =>
          (
            await c.query<{ v: string | null }>(
              `SELECT string_agg(pk::text, ',' ORDER BY pk) AS v FROM refdata_release WHERE status = 'active'`,
            )
          ).rows[0].v ?? '',
      ),
    load: async () => {
      const catalog = await withClient(url, loadCatalogFromPostgres);
      if (catalog.releases().length === 0)
        throw new Error('the store of record holds no active release: import CMS files with `claimflow refdata import <files> --db`');
      return catalog;
    },
  };
}
