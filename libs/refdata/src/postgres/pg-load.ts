import { RefDataCatalog, tableFromSnapshot } from '@claimflow/domain';
import type { ClientBase } from 'pg';
import { gunzipSync } from 'node:zlib';

/** A catalog of every active release in the store of record, from the stored snapshots. */
export async function loadCatalogFromPostgres(client: ClientBase): Promise<RefDataCatalog> {
  const { rows } = await client.query<{ snapshot: Buffer }>(`SELECT snapshot FROM refdata_release WHERE status = 'active' ORDER BY pk`);
  const catalog = new RefDataCatalog();
  for (const row of rows) {
    const { dataset, table } = tableFromSnapshot(gunzipSync(row.snapshot));
    catalog.add(dataset, table as never);
  }
  return catalog;
}
